package dev.penguinmails.shared.auth;

import java.util.Arrays;
import java.util.Optional;

/**
 * Something a caller may do in a workspace. A permission with a scope can be granted to an API key under
 * that scope; one without (deleting a workspace, managing members or keys) is for people only.
 */
public enum Permission {
    WORKSPACE_READ("workspace:read"),
    WORKSPACE_UPDATE(null),
    WORKSPACE_DELETE(null),
    OWNERSHIP_TRANSFER(null),
    MEMBERS_READ("members:read"),
    MEMBERS_MANAGE(null),
    INVITATIONS_MANAGE(null),
    API_KEYS_MANAGE(null),
    AUDIT_READ("audit:read"),
    BILLING_READ("billing:read"),
    BILLING_MANAGE(null),
    DOMAINS_READ("domains:read"),
    DOMAINS_WRITE("domains:write"),
    MAILBOXES_READ("mailboxes:read"),
    MAILBOXES_WRITE("mailboxes:write"),
    CONTACTS_READ("contacts:read"),
    CONTACTS_WRITE("contacts:write"),
    CAMPAIGNS_READ("campaigns:read"),
    CAMPAIGNS_WRITE("campaigns:write"),
    CAMPAIGNS_SEND("campaigns:send"),
    ANALYTICS_READ("analytics:read"),
    WEBHOOKS_READ("webhooks:read"),
    WEBHOOKS_WRITE("webhooks:write");

    private final String scope;

    Permission(String scope) {
        this.scope = scope;
    }

    /** The API-key scope that grants this permission, if keys may have it at all. */
    public Optional<String> scope() {
        return Optional.ofNullable(scope);
    }

    public static Optional<Permission> fromScope(String scope) {
        return Arrays.stream(values()).filter(p -> p.scope != null && p.scope.equals(scope)).findFirst();
    }
}
