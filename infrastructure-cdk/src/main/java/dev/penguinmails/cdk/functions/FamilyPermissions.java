package dev.penguinmails.cdk.functions;

import java.util.List;

import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.environment.FunctionGrants;
import dev.penguinmails.topology.environment.Grant;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.ILogGroup;

/**
 * Least privilege for one family: the topology's {@link FunctionGrants} of its {@link FunctionSpec.Access},
 * named actions on named resources only. Queue consumption is granted by each queue trigger; the access-token key and
 * cursor secret by {@link dev.penguinmails.cdk.secrets.FunctionSecrets}.
 */
final class FamilyPermissions {

    private FamilyPermissions() { }

    static void grant(IRole role, FunctionSpec function, FamilyResources resources) {
        for (Grant grant : FunctionGrants.of(function)) {
            role.addToPrincipalPolicy(allow(grant.actions(), resourcesOf(grant, role, resources)));
        }
        resources.secrets().grant(role, function);
    }

    private static String[] resourcesOf(Grant grant, IRole role, FamilyResources resources) {
        return switch (grant.kind()) {
            case TABLE -> {
                ITable table = resources.table(grant.logicalName());
                yield new String[] {table.getTableArn(), table.getTableArn() + "/index/*"};
            }
            case BUCKET_OBJECTS -> new String[] {resources.bucket(grant.logicalName()).arnForObjects("*")};
            case BUCKET -> new String[] {resources.bucket(grant.logicalName()).getBucketArn()};
            case QUEUE -> new String[] {resources.queue(grant.logicalName()).getQueueArn()};
            case EVENT_BUS -> new String[] {resources.eventBus().getEventBusArn()};
            // Senders are tenants' own domains, verified at run time, so the identity can only be this
            // account and region's identities; the configuration set is named exactly.
            case EMAIL -> new String[] {sesArn(Stack.of(role), "identity", "*"),
                    sesArn(Stack.of(role), "configuration-set", resources.emailConfigurationSet())};
        };
    }

    /** Lambda writes its logs to the family's own log groups and nowhere else. */
    static void grantLogging(IRole role, ILogGroup logGroup) {
        role.addToPrincipalPolicy(allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), logGroup.getLogGroupArn()));
    }

    private static String sesArn(Stack stack, String resource, String name) {
        return stack.formatArn(ArnComponents.builder().service("ses").resource(resource).resourceName(name)
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build());
    }

    private static PolicyStatement allow(List<String> actions, String... resources) {
        return PolicyStatement.Builder.create().actions(actions).resources(List.of(resources)).build();
    }
}
