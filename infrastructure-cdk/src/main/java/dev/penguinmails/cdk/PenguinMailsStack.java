package dev.penguinmails.cdk;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.penguinmails.cdk.api.HttpApiGateway;
import dev.penguinmails.cdk.email.SesEventPublishing;
import dev.penguinmails.cdk.functions.FamilyResources;
import dev.penguinmails.cdk.functions.FamilyTriggers;
import dev.penguinmails.cdk.functions.FunctionFamily;
import dev.penguinmails.cdk.messaging.DeadLetters;
import dev.penguinmails.cdk.messaging.EventRouting;
import dev.penguinmails.cdk.messaging.WorkQueues;
import dev.penguinmails.cdk.secrets.FunctionSecrets;
import dev.penguinmails.cdk.stage.ConstructIds;
import dev.penguinmails.cdk.stage.DeploymentStage;
import dev.penguinmails.cdk.storage.DataTables;
import dev.penguinmails.cdk.storage.QueryDatabases;
import dev.penguinmails.cdk.storage.ObjectBuckets;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.Topology;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.NestedStackProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The whole PenguinMails stack of one stage, built from the topology and nothing else: the shared resources here,
 * and each function family in a nested stack of its own, deployed and rolled back with this one.
 */
public final class PenguinMailsStack extends Stack {

    private final Map<String, FunctionFamily> families = new LinkedHashMap<>();
    private final Map<String, NestedStack> nestedStacks = new LinkedHashMap<>();
    private final HttpApiGateway api;

    public PenguinMailsStack(Construct scope, String id, StackProps props, Topology topology, DeploymentStage stage,
                             RepositoryLayout layout) {
        super(scope, id, props);
        DataTables tables = new DataTables(this, "Tables", topology, stage);
        ObjectBuckets buckets = new ObjectBuckets(this, "Buckets", topology, stage);
        WorkQueues queues = new WorkQueues(this, "Queues", topology, stage);
        buckets.notifyQueues(topology, queues.byLogicalName());
        DeadLetters deadLetters = new DeadLetters(this, "DeadLetters", stage);
        EventRouting events = new EventRouting(this, "Events", topology, stage, queues.byLogicalName(), deadLetters);
        SesEventPublishing email = new SesEventPublishing(this, "Email", stage, events.bus(), deadLetters);

        FunctionSecrets secrets = new FunctionSecrets(this, "Secrets", stage);
        QueryDatabases databases = new QueryDatabases(this, "Databases", topology, stage);

        FamilyResources resources = new FamilyResources(tables.byLogicalName(), tables.indexNames(),
                buckets.byLogicalName(), queues.byLogicalName(), events.bus(), email.configurationSetName(), secrets,
                deadLetters, databases);
        // The roles stay where they were (the key policies here name them); everything else of a family goes into
        // its own nested stack, so that no template comes near CloudFormation's 500 resources (decision 0070).
        Construct roles = new Construct(this, "Functions");
        for (FunctionSpec spec : topology.functions()) {
            NestedStack nested = new NestedStack(this, nestedStackId(spec), NestedStackProps.builder()
                    .description("PenguinMails " + stage.name() + ": the " + spec.family() + " functions").build());
            FunctionFamily family = new FunctionFamily(nested, new Construct(roles, ConstructIds.of(spec.family())),
                    spec, layout.functionJar(spec), resources, stage);
            FamilyTriggers.wire(family, family, topology, resources, stage);
            families.put(spec.family(), family);
            nestedStacks.put(spec.family(), nested);
        }
        this.api = new HttpApiGateway(this, "Http", topology, stage, families);
        if (stage.apiBaseUrl() == null) {
            // Without a custom domain, links answered by the API name its own endpoint, known once the API exists.
            families.values().stream().filter(f -> f.spec().access().sendEmail())
                    .forEach(f -> f.addEnvironment(ConfigKeys.environmentVariable(ConfigKeys.API_BASE_URL), api.url()));
        }

        output("ApiUrl", api.url(), "Base URL of the HTTP API");
        output("EventBusName", events.bus().getEventBusName(), "Custom EventBridge bus for domain events");
        output("SesConfigurationSetName", email.configurationSetName(), "SES configuration set to send through");
        output("AccessTokenKeyArn", secrets.accessTokenKey().getKeyArn(), "KMS key that signs access tokens");
        output("CursorSecretArn", secrets.cursorSecret().getSecretArn(), "Secrets Manager secret of the cursor HMAC key");
        tables.byLogicalName().forEach((name, table) ->
                output("Table" + ConstructIds.of(name) + "Name", table.getTableName(), "DynamoDB table " + name));
        buckets.byLogicalName().forEach((name, bucket) ->
                output("Bucket" + ConstructIds.of(name) + "Name", bucket.getBucketName(), "S3 bucket " + name));
        buckets.accessLogs().ifPresent(logs ->
                output("AccessLogsBucketName", logs.getBucketName(), "S3 server access logs of every bucket"));
        output("UndeliveredEventsQueueUrl", deadLetters.undeliveredEvents().getQueueUrl(),
                "Events that an EventBridge rule could not deliver");
        output("FailedInvocationsQueueUrl", deadLetters.failedInvocations().getQueueUrl(),
                "Scheduled invocations that failed after their retries");
        databases.proxies().forEach((name, proxy) ->
                output("Database" + ConstructIds.of(name) + "ProxyEndpoint", proxy.getEndpoint(),
                        "RDS Proxy of the query-model database " + name));
        queues.byLogicalName().forEach((name, queue) ->
                output("Queue" + ConstructIds.of(name) + "Url", queue.getQueueUrl(), "SQS queue " + name));
    }

    /** The deployed function families, keyed by family name. */
    public Map<String, FunctionFamily> families() {
        return Map.copyOf(families);
    }

    /** The nested stack of each family, keyed by family name. */
    public Map<String, NestedStack> nestedStacks() {
        return Map.copyOf(nestedStacks);
    }

    /** The construct id of a family's nested stack, e.g. {@code IdentityFunctions}. */
    public static String nestedStackId(FunctionSpec spec) {
        return ConstructIds.of(spec.family()) + "Functions";
    }

    /** The HTTP API in front of the families. */
    public HttpApiGateway api() {
        return api;
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
