package dev.penguinmails.topology;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole stack, described once. The CDK app deploys it and the local stack runs it; neither
 * names a table, queue, rule or handler of its own.
 */
public record Topology(
        String name,
        List<TableSpec> tables,
        List<BucketSpec> buckets,
        List<QueueSpec> queues,
        String eventBus,
        List<RuleSpec> rules,
        List<FunctionSpec> functions,
        List<DatabaseSpec> databases) {

    /** A topology without a database. */
    public Topology(String name, List<TableSpec> tables, List<BucketSpec> buckets, List<QueueSpec> queues,
                    String eventBus, List<RuleSpec> rules, List<FunctionSpec> functions) {
        this(name, tables, buckets, queues, eventBus, rules, functions, List.of());
    }

    public Topology {
        databases = List.copyOf(databases);
        tables = List.copyOf(tables);
        buckets = List.copyOf(buckets);
        queues = List.copyOf(queues);
        rules = List.copyOf(rules);
        functions = List.copyOf(functions);
        TopologyValidator.validate(name, tables, buckets, queues, rules, functions);
        TopologyValidator.validateDatabases(databases, functions);
    }

    public Optional<QueueSpec> queue(String queueName) {
        return queues.stream().filter(q -> q.name().equals(queueName)).findFirst();
    }

    public Optional<TableSpec> table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }

    public Optional<DatabaseSpec> database(String databaseName) {
        return databases.stream().filter(d -> d.name().equals(databaseName)).findFirst();
    }

    public Optional<FunctionSpec> function(String family) {
        return functions.stream().filter(f -> f.family().equals(family)).findFirst();
    }

    /** Every HTTP route of every function, with the function that serves it. */
    public Stream<RoutedHttp> httpRoutes() {
        return functions.stream().flatMap(f -> f.httpApi().stream()
                .flatMap(api -> api.routes().stream().map(r -> new RoutedHttp(r, f, api))));
    }

    /** The authorizer every authorized route runs first, with the family that offers it; at most one exists. */
    public Optional<RoutedAuthorizer> authorizer() {
        return functions.stream().flatMap(f -> f.authorizer().stream().map(a -> new RoutedAuthorizer(a, f))).findFirst();
    }

    /** The authorizer together with the function family that owns it. */
    public record RoutedAuthorizer(AuthorizerHandler handler, FunctionSpec function) { }

    /** A route together with the function and handler behind it. */
    public record RoutedHttp(HttpRoute route, FunctionSpec function, HttpApiHandler handler) { }
}
