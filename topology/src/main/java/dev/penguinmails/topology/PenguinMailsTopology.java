package dev.penguinmails.topology;

import java.util.List;
import java.util.Optional;

/** The PenguinMails stack. Add a table, queue, rule or function here and both runtimes get it. */
public final class PenguinMailsTopology {

    public static final String IDENTITY = "identity";

    private PenguinMailsTopology() { }

    public static Topology define() {
        return new Topology(
                "penguinmails",
                List.of(TableSpec.standard(IDENTITY)),
                List.of(new BucketSpec("imports", 30), new BucketSpec("exports", 7)),
                List.of(QueueSpec.work("identity-emails", 120, 5)),
                "penguinmails",
                List.of(new RuleSpec("identity-emails", """
                        {"source":["penguinmails.identity"]}""",
                        List.of("identity-emails"))),
                List.of(identity()));
    }

    private static FunctionSpec identity() {
        return new FunctionSpec(IDENTITY, 1024, 20,
                Optional.of(HttpApiHandler.micronaut(
                        "POST /v1/signup",
                        "ANY /v1/auth/{proxy+}",
                        "ANY /v1/me",
                        "ANY /v1/me/{proxy+}",
                        "ANY /v1/workspaces",
                        "ANY /v1/workspaces/{workspaceId}",
                        "ANY /v1/workspaces/{workspaceId}/restore",
                        "ANY /v1/workspaces/{workspaceId}/members",
                        "ANY /v1/workspaces/{workspaceId}/members/{userId}",
                        "ANY /v1/workspaces/{workspaceId}/transfer-ownership",
                        "ANY /v1/workspaces/{workspaceId}/leave",
                        "ANY /v1/workspaces/{workspaceId}/invitations",
                        "ANY /v1/workspaces/{workspaceId}/invitations/{invitationId}",
                        "ANY /v1/invitations/accept",
                        "ANY /v1/workspaces/{workspaceId}/api-keys",
                        "ANY /v1/workspaces/{workspaceId}/api-keys/{keyId}",
                        "ANY /v1/workspaces/{workspaceId}/audit-log")),
                List.of(new QueueHandler("emails", "dev.penguinmails.identity.emails.AccountEmailConsumer",
                        "identity-emails", 10, 0, 5)),
                List.of(new ScheduledHandler("purge-workspaces",
                        "dev.penguinmails.identity.workspaces.WorkspacePurgeJob", "rate(1 hour)"),
                        new ScheduledHandler("relay-events",
                                "dev.penguinmails.identity.outbox.EventRelayJob", "rate(1 minute)")),
                new FunctionSpec.Access(List.of(IDENTITY), List.of(), List.of(), true, true));
    }
}
