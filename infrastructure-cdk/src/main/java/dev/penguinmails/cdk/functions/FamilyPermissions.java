package dev.penguinmails.cdk.functions;

import java.util.ArrayList;
import java.util.List;

import dev.penguinmails.cdk.compliance.Suppressions;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.environment.FunctionGrants;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * Least privilege for one family, straight from its {@link FunctionSpec.Access}: named actions on
 * named resources only. Queue consumption is granted by each queue trigger; the access-token key and
 * cursor secret by {@link dev.penguinmails.cdk.secrets.FunctionSecrets}.
 */
final class FamilyPermissions {

    /** Item-level reads and writes; no table management, streams or PartiQL. */
    static final List<String> DYNAMODB_ITEM_ACTIONS = List.of(
            "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan",
            "dynamodb:ConditionCheckItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem");

    static final List<String> S3_OBJECT_ACTIONS = List.of(
            "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload");

    // How cdk-nag names a grant on every object of one of our buckets: Resource::<BucketsImports1234ABCD.Arn>/*
    private static final String BUCKET_OBJECTS = "/^Resource::<Buckets[A-Za-z0-9]+\\.Arn>\\/\\*$/";

    private FamilyPermissions() { }

    static void grant(IRole role, FunctionSpec function, FamilyResources resources) {
        FunctionSpec.Access access = function.access();
        for (String name : access.tables()) {
            List<String> arns = new ArrayList<>(List.of(resources.table(name).getTableArn()));
            arns.addAll(resources.indexArns(name));
            role.addToPrincipalPolicy(allow(DYNAMODB_ITEM_ACTIONS, arns.toArray(String[]::new)));
        }
        if (!access.buckets().isEmpty()) {
            Suppressions.acceptMatching(role, "AwsSolutions-IAM5", "Object keys are the family's run-time data (one per "
                    + "import, export or report), so object actions name the family's own buckets and any key in them",
                    BUCKET_OBJECTS);
        }
        for (String name : access.buckets()) {
            IBucket bucket = resources.bucket(name);
            role.addToPrincipalPolicy(allow(S3_OBJECT_ACTIONS, bucket.arnForObjects("*")));
            // Without ListBucket a missing key answers 403 instead of 404.
            role.addToPrincipalPolicy(allow(List.of("s3:ListBucket"), bucket.getBucketArn()));
        }
        access.sendToQueues().forEach(q -> role.addToPrincipalPolicy(
                allow(List.of("sqs:SendMessage"), resources.queue(q).getQueueArn())));
        if (access.publishEvents()) {
            role.addToPrincipalPolicy(allow(List.of("events:PutEvents"), resources.eventBus().getEventBusArn()));
        }
        resources.secrets().grant(role, function);
        if (access.sendEmail()) {
            Stack stack = Stack.of(role);
            // Senders are tenants' own domains, verified at run time, so the identity can only be this
            // account and region's identities; the configuration set is named exactly.
            role.addToPrincipalPolicy(allow(List.of("ses:SendEmail", "ses:SendRawEmail"),
                    sesArn(stack, "identity", "*"),
                    sesArn(stack, "configuration-set", resources.emailConfigurationSet())));
            Suppressions.accept(role, "AwsSolutions-IAM5", "Senders are tenants' own domains, verified at run time, "
                    + "so no template can name them: the grant is limited to this account and region's SES identities",
                    List.of("Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*"));
        }
        if (access.manageEmailIdentities()) {
            grantEmailIdentities(role);
        }
        access.databases().forEach(d -> resources.databases().grantConnect(role, d));
    }

    private static void grantEmailIdentities(IRole role) {
        Stack stack = Stack.of(role);
        role.addToPrincipalPolicy(allow(FunctionGrants.SES_IDENTITY_ACTIONS, sesArn(stack, "identity", "*")));
        Suppressions.accept(role, "AwsSolutions-IAM5", "Tenants' domains become SES identities at run time, so no "
                + "template can name them: the grant is limited to this account and region's SES identities",
                List.of("Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*"));
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
