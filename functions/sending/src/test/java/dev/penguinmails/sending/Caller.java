package dev.penguinmails.sending;

import dev.penguinmails.testsupport.auth.AuthorizerContextInjection;

import dev.penguinmails.shared.auth.AuthorizerContext;
import dev.penguinmails.shared.auth.AuthorizerContext.Membership;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.ids.Ids;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A signed-in person and their roles, as identity's authorizer describes them to another family;
 * {@link #headers} is what that context becomes in a test ({@link AuthorizerContextInjection}).
 */
public record Caller(String userId, Map<String, Role> roles) {

    /** A person with {@code role} in {@code workspaceId} (and nowhere else), signed in for ten minutes. */
    public static Caller of(String workspaceId, Role role) {
        return new Caller(Ids.newId("usr"), Map.of(workspaceId, role));
    }

    /** The owner of {@code workspaceId}. */
    public static Caller owner(String workspaceId) {
        return of(workspaceId, Role.OWNER);
    }

    public String[] headers(String... more) {
        Map<String, Membership> memberships = new HashMap<>();
        roles.forEach((ws, role) -> memberships.put(ws, new Membership(role, false)));
        AuthorizerContext context = AuthorizerContext.user(userId, "ses_" + userId.substring(4), true,
                Instant.now().getEpochSecond() + 600, memberships);
        String[] headers = new String[2 + more.length];
        headers[0] = AuthorizerContextInjection.HEADER;
        headers[1] = AuthorizerContextInjection.header(context.toMap());
        System.arraycopy(more, 0, headers, 2, more.length);
        return headers;
    }
}
