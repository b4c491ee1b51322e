package dev.penguinmails.shared.auth;

import java.util.Locale;
import java.util.Optional;

/** A person's role in a workspace, from most to least powerful. */
public enum Role {
    OWNER, ADMIN, BILLING_ADMIN, MEMBER, VIEWER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Role r : values()) {
            if (r.wireName().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether this role may grant, change or remove {@code other}: never above or beside itself, except owners, and
     * never a role holding a permission this one lacks (so an admin cannot make a billing admin).
     */
    public boolean outranksOrIsOwner(Role other) {
        return this == OWNER || (this.ordinal() < other.ordinal()
                && PermissionMatrix.permissionsOf(this).containsAll(PermissionMatrix.permissionsOf(other)));
    }
}
