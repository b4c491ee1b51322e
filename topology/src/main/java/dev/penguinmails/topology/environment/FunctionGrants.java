package dev.penguinmails.topology.environment;

import dev.penguinmails.topology.FunctionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The least privilege a family's {@link FunctionSpec.Access} implies, as IAM actions per resource: the
 * CDK app grants exactly these, and they match the resource names {@link FunctionEnvironment} hands out.
 * Queue consumption is granted by each queue trigger, key material by the runtime's secrets.
 */
public final class FunctionGrants {

    /** Item-level reads and writes; no table management, streams or PartiQL. */
    public static final List<String> DYNAMODB_ITEM_ACTIONS = List.of(
            "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan",
            "dynamodb:ConditionCheckItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem");

    public static final List<String> S3_OBJECT_ACTIONS = List.of(
            "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload");

    /** Without ListBucket a missing key answers 403 instead of 404. */
    public static final List<String> S3_BUCKET_ACTIONS = List.of("s3:ListBucket");

    public static final List<String> SQS_SEND_ACTIONS = List.of("sqs:SendMessage");

    public static final List<String> EVENTS_PUBLISH_ACTIONS = List.of("events:PutEvents");

    public static final List<String> SES_SEND_ACTIONS = List.of("ses:SendEmail", "ses:SendRawEmail");

    /**
     * Creating, reading and deleting SES domain identities, and tagging them with their workspace as they are created
     * (a domain's removal deletes the identity its workspace created).
     */
    public static final List<String> SES_IDENTITY_ACTIONS = List.of("ses:CreateEmailIdentity", "ses:GetEmailIdentity",
            "ses:DeleteEmailIdentity", "ses:TagResource");

    /** Connecting to a query database as its application user, with an IAM authentication token. */
    public static final List<String> DATABASE_CONNECT_ACTIONS = List.of("rds-db:connect");

    private FunctionGrants() { }

    /** Every grant of {@code function}, in the order of its access. */
    public static List<Grant> of(FunctionSpec function) {
        FunctionSpec.Access access = function.access();
        List<Grant> grants = new ArrayList<>();
        access.tables().forEach(t -> grants.add(new Grant(Grant.Kind.TABLE, t, DYNAMODB_ITEM_ACTIONS)));
        for (String bucket : access.buckets()) {
            grants.add(new Grant(Grant.Kind.BUCKET_OBJECTS, bucket, S3_OBJECT_ACTIONS));
            grants.add(new Grant(Grant.Kind.BUCKET, bucket, S3_BUCKET_ACTIONS));
        }
        access.sendToQueues().forEach(q -> grants.add(new Grant(Grant.Kind.QUEUE, q, SQS_SEND_ACTIONS)));
        if (access.publishEvents()) {
            grants.add(new Grant(Grant.Kind.EVENT_BUS, "", EVENTS_PUBLISH_ACTIONS));
        }
        if (access.sendEmail()) {
            grants.add(new Grant(Grant.Kind.EMAIL, "", SES_SEND_ACTIONS));
        }
        if (access.manageEmailIdentities()) {
            grants.add(new Grant(Grant.Kind.EMAIL_IDENTITIES, "", SES_IDENTITY_ACTIONS));
        }
        access.databases().forEach(d -> grants.add(new Grant(Grant.Kind.DATABASE, d, DATABASE_CONNECT_ACTIONS)));
        return List.copyOf(grants);
    }

    /** Every action of {@code function}'s grants, sorted. */
    public static Set<String> actions(FunctionSpec function) {
        Set<String> actions = new TreeSet<>();
        of(function).forEach(g -> actions.addAll(g.actions()));
        return actions;
    }
}
