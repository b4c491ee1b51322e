package dev.penguinmails.topology;

import java.util.List;
import java.util.Optional;

/** The PenguinMails stack. Add a table, queue, rule or function here and both runtimes get it. */
public final class PenguinMailsTopology {

    public static final String IDENTITY = "identity";
    /** Identity's Lambda authorizer, which every authorized route of every family runs first. */
    public static final String AUTHORIZER_HANDLER = "dev.penguinmails.identity.authorizer.AuthorizerFunction";
    /**
     * How long API Gateway reuses an authorizer answer per Authorization header: also the longest a
     * logout, revoked session or key, removed member or changed role keeps working (docs/decisions/0010).
     */
    public static final int AUTHORIZER_TTL_SECONDS = 30;

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
                Optional.of(HttpApiHandler.micronaut(List.of(
                        HttpRoute.open("POST /v1/signup"),
                        HttpRoute.open("ANY /v1/auth/login"),
                        HttpRoute.open("ANY /v1/auth/refresh"),
                        HttpRoute.open("ANY /v1/auth/verify-email"),
                        HttpRoute.open("ANY /v1/auth/resend-verification"),
                        HttpRoute.open("ANY /v1/auth/password-reset"),
                        HttpRoute.open("ANY /v1/auth/password-reset/confirm"),
                        HttpRoute.open("ANY /v1/me/email-change/confirm"),
                        HttpRoute.open("ANY /v1/invitations/accept"),
                        HttpRoute.of("ANY /v1/auth/logout"),
                        HttpRoute.of("ANY /v1/auth/logout-all"),
                        HttpRoute.of("ANY /v1/me"),
                        HttpRoute.of("ANY /v1/me/{proxy+}"),
                        HttpRoute.of("ANY /v1/workspaces"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/restore"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/members"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/members/{userId}"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/transfer-ownership"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/leave"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/invitations"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/invitations/{invitationId}"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/api-keys"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/api-keys/{keyId}"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/audit-log")))),
                List.of(new QueueHandler("emails", "dev.penguinmails.identity.emails.AccountEmailConsumer",
                        "identity-emails", 10, 0, 5)),
                List.of(new ScheduledHandler("purge-workspaces",
                        "dev.penguinmails.identity.workspaces.WorkspacePurgeJob", "rate(1 hour)"),
                        new ScheduledHandler("relay-events",
                                "dev.penguinmails.identity.outbox.EventRelayJob", "rate(1 minute)")),
                new FunctionSpec.Access(List.of(IDENTITY), List.of(), List.of(), true, true,
                        FunctionSpec.AccessTokens.ISSUE),
                Optional.of(new AuthorizerHandler("authorizer", AUTHORIZER_HANDLER,
                        AuthorizerHandler.AUTHORIZATION_HEADER_SOURCE, AUTHORIZER_TTL_SECONDS)));
    }
}
