package dev.penguinmails.topology;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Rejects a topology whose parts refer to things it does not define, or that AWS would run badly. */
final class TopologyValidator {
    /**
     * AWS advises a queue's visibility timeout of at least six times the timeout of the function its event
     * source mapping invokes, so that throttled and retried batches are not redelivered while still in work.
     */
    static final int VISIBILITY_PER_FUNCTION_TIMEOUT = 6;

    private TopologyValidator() { }

    static void validate(String name, List<TableSpec> tables, List<BucketSpec> buckets, List<QueueSpec> queues,
                         List<RuleSpec> rules, List<FunctionSpec> functions) {
        Names.requireLogicalName(name);
        Set<String> tableNames = unique("table", tables.stream().map(TableSpec::name).toList());
        Set<String> bucketNames = unique("bucket", buckets.stream().map(BucketSpec::name).toList());
        Set<String> queueNames = unique("queue", queues.stream().map(QueueSpec::name).toList());
        unique("rule", rules.stream().map(RuleSpec::name).toList());
        unique("function", functions.stream().map(FunctionSpec::family).toList());
        unique("route", functions.stream().flatMap(f -> f.httpApi().stream())
                .flatMap(a -> a.routes().stream()).map(HttpRoute::routeKey).toList());

        for (RuleSpec rule : rules) {
            rule.targetQueues().forEach(q -> require(queueNames, q, "rule " + rule.name() + " targets"));
            // EventBridge would need a message group per target to reach a FIFO queue; we keep rules to standard ones.
            queues.stream().filter(q -> q.fifo() && rule.targetQueues().contains(q.name())).findFirst()
                    .ifPresent(q -> {
                        throw new IllegalArgumentException("rule " + rule.name() + " targets the FIFO queue "
                                + q.name() + "; rules deliver to standard queues only");
                    });
        }
        for (BucketSpec bucket : buckets) {
            bucket.objectCreatedQueue().ifPresent(q -> require(queueNames, q, "bucket " + bucket.name() + " notifies"));
            // S3 event notifications reach standard queues only.
            queues.stream().filter(q -> q.fifo() && bucket.objectCreatedQueue().equals(java.util.Optional.of(q.name())))
                    .findFirst().ifPresent(q -> {
                        throw new IllegalArgumentException("bucket " + bucket.name() + " notifies the FIFO queue "
                                + q.name() + "; S3 notifies standard queues only");
                    });
        }
        for (FunctionSpec f : functions) {
            unique("entry point of " + f.family(), f.entryPoints().map(EntryPoint::name).toList());
            f.access().tables().forEach(t -> require(tableNames, t, f.family() + " uses table"));
            f.access().buckets().forEach(b -> require(bucketNames, b, f.family() + " uses bucket"));
            f.access().sendToQueues().forEach(q -> require(queueNames, q, f.family() + " sends to"));
            f.queueHandlers().forEach(h -> require(queueNames, h.queue(), f.family() + " consumes"));
            f.queueHandlers().forEach(h -> requireVisibility(f, h, queues));
        }
        long authorizers = functions.stream().filter(f -> f.authorizer().isPresent()).count();
        if (authorizers > 1) {
            throw new IllegalArgumentException("a topology has at most one authorizer, not " + authorizers);
        }
        functions.stream().flatMap(f -> f.httpApi().stream()).flatMap(a -> a.routes().stream())
                .filter(r -> !r.isPublic()).findFirst().ifPresent(r -> {
                    if (authorizers == 0) {
                        throw new IllegalArgumentException("route " + r.routeKey()
                                + " is authorized but the topology has no authorizer; mark it public or add one");
                    }
                });
        Set<String> consumed = new HashSet<>();
        functions.forEach(f -> f.queueHandlers().forEach(h -> {
            if (!consumed.add(h.queue())) {
                throw new IllegalArgumentException("queue " + h.queue() + " has two consumers");
            }
        }));
    }

    private static void requireVisibility(FunctionSpec function, QueueHandler handler, List<QueueSpec> queues) {
        QueueSpec queue = queues.stream().filter(q -> q.name().equals(handler.queue())).findFirst().orElseThrow();
        int least = VISIBILITY_PER_FUNCTION_TIMEOUT * function.timeoutSeconds();
        if (queue.visibilityTimeoutSeconds() < least) {
            throw new IllegalArgumentException("queue " + queue.name() + " has a visibility timeout of "
                    + queue.visibilityTimeoutSeconds() + " s; " + function.family() + " " + handler.name()
                    + " has a timeout of " + function.timeoutSeconds() + " s, so it needs at least " + least + " s");
        }
    }

    /** Every database is named once, and a function may only query a declared one. */
    static void validateDatabases(List<DatabaseSpec> databases, List<FunctionSpec> functions) {
        Set<String> names = unique("database", databases.stream().map(DatabaseSpec::name).toList());
        functions.forEach(f -> f.access().databases().forEach(d -> require(names, d, f.family() + " queries database")));
    }

    private static Set<String> unique(String kind, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("duplicate " + kind + ": " + n);
            }
        }
        return seen;
    }

    private static void require(Set<String> known, String name, String what) {
        if (!known.contains(name)) {
            throw new IllegalArgumentException(what + " '" + name + "', which the topology does not define");
        }
    }
}
