package dev.penguinmails.cdk.functions;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import java.util.Map;
import java.util.Optional;

import dev.penguinmails.cdk.compliance.Suppressions;
import dev.penguinmails.cdk.stage.ConstructIds;
import dev.penguinmails.cdk.stage.DeploymentStage;
import dev.penguinmails.topology.DeploymentHandler;
import dev.penguinmails.topology.EntryPoint;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.AuthorizerHandler;
import dev.penguinmails.topology.HttpApiHandler;
import dev.penguinmails.topology.QueueHandler;
import dev.penguinmails.topology.ScheduledHandler;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.FromRoleArnOptions;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * One function family on AWS: a Lambda per entry point, all from the family's jar, sharing one
 * least-privilege role. Each Lambda runs with SnapStart, and its {@value #ALIAS} alias (on the
 * current published version) is what every trigger invokes.
 *
 * <p>The family lives in its own nested stack (decision 0070); only its role stays in the parent stack, at
 * {@code roleScope}, because the KMS key policies there name it: a key policy naming a role of the nested stack
 * would make the parent wait for the nested stack and the nested stack for the key. Every grant to the role is a
 * policy of the nested stack, attached to the role by name.
 */
public final class FunctionFamily extends Construct {

    /** The alias every trigger points at; SnapStart only applies to published versions. */
    public static final String ALIAS = "live";

    /**
     * The newest Java runtime Lambda offers, SnapStart included. The jars stay release 17 bytecode, which it
     * runs as is; the cold-start flags of {@link FunctionEnvironment} mean the same on it.
     */
    public static final Runtime RUNTIME = Runtime.JAVA_25;

    private final FunctionSpec spec;
    private final Role role;
    /** The role as the family's nested stack sees it: what its Lambdas run as and every grant is added to. */
    private final IRole grants;
    private FamilyResources resources;
    private final Map<String, Alias> aliases = new LinkedHashMap<>();
    private final List<Function> lambdas = new java.util.ArrayList<>();
    private final Map<String, Function> functions = new LinkedHashMap<>();

    public FunctionFamily(Construct scope, Construct roleScope, FunctionSpec spec, Path jar, FamilyResources resources,
                          DeploymentStage stage) {
        super(scope, ConstructIds.of(spec.family()));
        this.spec = spec;
        this.role = Role.Builder.create(roleScope, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Least-privilege role of the " + spec.family() + " functions (" + stage.name() + ")")
                .build();
        this.grants = Role.fromRoleArn(this, "Grants", role.getRoleArn(),
                FromRoleArnOptions.builder().mutable(true).build());
        FamilyPermissions.grant(grants, spec, resources);
        resources.secrets().grantKeyPolicies(role, spec);
        Suppressions.accept(grants, "AwsSolutions-IAM5", "X-Ray's PutTraceSegments and PutTelemetryRecords, "
                + "which active tracing needs, have no resource-level permissions: AWS requires Resource *",
                List.of("Resource::*"));
        Code code = Code.fromAsset(jar.toString());
        Map<String, String> environment = FunctionEnvironment.of(spec, resources, stage);
        this.resources = resources;
        spec.entryPoints().forEach(entryPoint ->
                aliases.put(entryPoint.name(), deploy(entryPoint, code, environment, stage)));
    }

    /** The family this construct deploys. */
    public FunctionSpec spec() {
        return spec;
    }

    /** The family's role, shared by all its Lambdas; it lives in the parent stack. */
    public Role role() {
        return role;
    }

    /** Adds a variable to every entry point's environment: for values known only after the family is built. */
    public void addEnvironment(String name, String value) {
        lambdas.forEach(lambda -> lambda.addEnvironment(name, value));
    }

    /** One entry point's Lambda itself, for what must invoke a version of it (a deployment trigger). */
    public Function function(EntryPoint entryPoint) {
        Function function = functions.get(entryPoint.name());
        if (function == null) {
            throw new IllegalArgumentException(spec.family() + " has no entry point " + entryPoint.name());
        }
        return function;
    }

    /** What holds the family's permissions (its role's policies): a deployment step must run after them. */
    public IConstruct permissions() {
        return grants;
    }

    /** The {@value #ALIAS} alias of one entry point's Lambda: what triggers invoke. */
    public IFunction alias(EntryPoint entryPoint) {
        Alias alias = aliases.get(entryPoint.name());
        if (alias == null) {
            throw new IllegalArgumentException(spec.family() + " has no entry point " + entryPoint.name());
        }
        return alias;
    }

    private Alias deploy(EntryPoint entryPoint, Code code, Map<String, String> environment, DeploymentStage stage) {
        String id = ConstructIds.of(entryPoint.name());
        String functionName = stage.functionName(spec, entryPoint);
        // An explicit log group, rather than logRetention's custom resource, keeps retention in the template.
        LogGroup logs = LogGroup.Builder.create(this, id + "Logs")
                .logGroupName("/aws/lambda/" + functionName)
                .retention(stage.logRetention())
                .removalPolicy(stage.dataRemovalPolicy())
                .build();
        FamilyPermissions.grantLogging(grants, logs);
        Function.Builder builder = Function.Builder.create(this, id + "Function")
                .functionName(functionName)
                .description(spec.family() + " " + entryPoint.name() + " (" + entryPoint.handlerClass() + ")")
                .runtime(RUNTIME)
                .handler(entryPoint.handlerClass())
                .code(code)
                .memorySize(spec.memoryMb())
                .timeout(Duration.seconds(spec.timeoutSeconds()))
                .role(grants)
                .environment(environment)
                .logGroup(logs)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .tracing(Tracing.ACTIVE);
        if (spec.access().usesDatabase()) {
            // Only the families that query a database run in its VPC (decision 0036); the rest stay out of any VPC.
            builder.vpc(resources.databases().vpc().orElseThrow())
                    .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build())
                    .securityGroups(List.of(resources.databases().functionSecurityGroup().orElseThrow()));
        }
        Function function = builder.build();
        lambdas.add(function);
        functions.put(entryPoint.name(), function);
        deadLetterReason(entryPoint).ifPresent(reason -> Suppressions.accept(function, "Serverless-LambdaDLQ", reason));
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "every trigger invokes the live alias on the current published version");
        return Alias.Builder.create(this, id + "Live")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .build();
    }

    // A Lambda DLQ only ever receives failed asynchronous invocations; each entry point's failures go elsewhere.
    // A new kind of entry point gets no reason here, so the rule packs flag it until someone writes one.
    private static Optional<String> deadLetterReason(EntryPoint entryPoint) {
        if (entryPoint instanceof HttpApiHandler || entryPoint instanceof AuthorizerHandler) {
            return Optional.of("API Gateway invokes this function synchronously: a failure is the caller's error response, "
                    + "so there is no asynchronous invocation to dead-letter");
        }
        if (entryPoint instanceof QueueHandler) {
            return Optional.of("An SQS event source mapping invokes this function synchronously; a message that keeps failing "
                    + "goes to its queue's own dead-letter queue through the redrive policy");
        }
        if (entryPoint instanceof DeploymentHandler) {
            return Optional.of("A CloudFormation trigger invokes this function synchronously during a deployment: a failure "
                    + "fails the deployment, so there is no asynchronous invocation to dead-letter");
        }
        if (entryPoint instanceof ScheduledHandler) {
            return Optional.of("Scheduled runs are asynchronous: their failures go to the failed-invocations on-failure "
                    + "destination of the live alias, which keeps the request and the error, unlike a DLQ");
        }
        return Optional.empty();
    }
}
