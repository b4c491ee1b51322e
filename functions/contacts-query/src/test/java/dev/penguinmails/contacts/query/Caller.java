package dev.penguinmails.contacts.query;

import dev.penguinmails.shared.auth.AuthorizerContext;
import dev.penguinmails.shared.auth.AuthorizerContext.Membership;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.testsupport.auth.AuthorizerContextInjection;
import java.time.Instant;
import java.util.Map;

/** A signed-in person with one role in one workspace, as identity's authorizer describes them. */
public record Caller(String userId, String workspaceId, Role role) {

    public static Caller of(String workspaceId, Role role) {
        return new Caller(Ids.newId("usr"), workspaceId, role);
    }

    public static Caller owner(String workspaceId) {
        return of(workspaceId, Role.OWNER);
    }

    public String[] headers() {
        AuthorizerContext context = AuthorizerContext.user(userId, "ses_" + userId.substring(4), true,
                Instant.now().getEpochSecond() + 600, Map.of(workspaceId, new Membership(role, false)));
        return new String[] {AuthorizerContextInjection.HEADER, AuthorizerContextInjection.header(context.toMap())};
    }
}
