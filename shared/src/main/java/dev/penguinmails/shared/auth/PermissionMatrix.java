package dev.penguinmails.shared.auth;

import static dev.penguinmails.shared.auth.Permission.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what: the one place roles are mapped to permissions. The docs print this table, and
 * every controller checks it through {@link RequiresPermission}.
 */
public final class PermissionMatrix {
    private static final Map<Role, Set<Permission>> GRANTS = new EnumMap<>(Role.class);

    static {
        Set<Permission> viewer = EnumSet.of(WORKSPACE_READ, MEMBERS_READ, DOMAINS_READ, MAILBOXES_READ,
                CONTACTS_READ, CAMPAIGNS_READ, ANALYTICS_READ);
        Set<Permission> member = EnumSet.copyOf(viewer);
        member.addAll(EnumSet.of(CONTACTS_WRITE, CAMPAIGNS_WRITE, CAMPAIGNS_SEND));
        Set<Permission> admin = EnumSet.copyOf(member);
        admin.addAll(EnumSet.of(WORKSPACE_UPDATE, MEMBERS_MANAGE, INVITATIONS_MANAGE, API_KEYS_MANAGE, AUDIT_READ,
                DOMAINS_WRITE, MAILBOXES_WRITE, WEBHOOKS_READ, WEBHOOKS_WRITE, BILLING_READ));
        // Billing admins pay the bills: they read the workspace and change billing, nothing else.
        Set<Permission> billingAdmin = EnumSet.copyOf(viewer);
        billingAdmin.addAll(EnumSet.of(BILLING_READ, BILLING_MANAGE));
        Set<Permission> owner = EnumSet.allOf(Permission.class);
        GRANTS.put(Role.VIEWER, viewer);
        GRANTS.put(Role.MEMBER, member);
        GRANTS.put(Role.BILLING_ADMIN, billingAdmin);
        GRANTS.put(Role.ADMIN, admin);
        GRANTS.put(Role.OWNER, owner);
    }

    private PermissionMatrix() { }

    public static boolean allows(Role role, Permission permission) {
        return GRANTS.get(role).contains(permission);
    }

    public static Set<Permission> permissionsOf(Role role) {
        return EnumSet.copyOf(GRANTS.get(role));
    }

    /** The matrix as a Markdown table, for the docs. */
    public static String toMarkdown() {
        StringBuilder out = new StringBuilder("| permission | API-key scope |");
        for (Role r : Role.values()) {
            out.append(' ').append(r.wireName()).append(" |");
        }
        out.append("\n|---|---|").append("---|".repeat(Role.values().length)).append('\n');
        for (Permission p : Permission.values()) {
            out.append("| ").append(p.name().toLowerCase().replace('_', ' ')).append(" | ")
                    .append(p.scope().map(s -> "`" + s + "`").orElse("people only")).append(" |");
            for (Role r : Role.values()) {
                out.append(allows(r, p) ? " yes |" : " |");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
