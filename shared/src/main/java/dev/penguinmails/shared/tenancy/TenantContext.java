package dev.penguinmails.shared.tenancy;

import dev.penguinmails.shared.auth.Role;
import io.micronaut.core.annotation.Nullable;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The workspace a piece of work runs in and who is doing it. Every tenant data access takes one, so
 * a key outside the workspace cannot even be written down. {@code role} is the person's role in the
 * workspace (null for API keys); {@code scopes} are an API key's scopes (empty for people).
 */
public record TenantContext(String workspaceId, String principalId, PrincipalKind principalKind,
                            @Nullable Role role, Set<String> scopes) {
    /** Request attribute under which authentication leaves the caller's tenant context, when there is one. */
    public static final String ATTRIBUTE = "penguinmails.tenant";
    // Ids only: a '#' would let a workspace id reach into another workspace's key space.
    private static final Pattern WORKSPACE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public TenantContext {
        Objects.requireNonNull(workspaceId, "workspaceId");
        if (!WORKSPACE_ID.matcher(workspaceId).matches()) {
            throw new IllegalArgumentException("Not a workspace id: " + workspaceId);
        }
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(principalKind, "principalKind");
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    public static TenantContext user(String workspaceId, String userId, Role role) {
        return new TenantContext(workspaceId, userId, PrincipalKind.USER, Objects.requireNonNull(role, "role"), Set.of());
    }

    public static TenantContext apiKey(String workspaceId, String keyId, Set<String> scopes) {
        return new TenantContext(workspaceId, keyId, PrincipalKind.API_KEY, null, scopes);
    }

    /**
     * For work no caller started (queue consumers, scheduled jobs) in one workspace: {@code actor}
     * names the function, e.g. {@code system:sending}.
     */
    public static TenantContext system(String workspaceId, String actor) {
        return new TenantContext(workspaceId, actor, PrincipalKind.API_KEY, null, Set.of());
    }

    /** The partition-key prefix of everything this workspace owns: {@code WS#<workspaceId>#}. */
    public String keyPrefix() {
        return "WS#" + workspaceId + "#";
    }
}
