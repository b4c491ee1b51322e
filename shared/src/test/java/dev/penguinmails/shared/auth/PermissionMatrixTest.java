package dev.penguinmails.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PermissionMatrixTest {
    @Test
    void rolesAreNested() {
        for (Permission p : Permission.values()) {
            if (PermissionMatrix.allows(Role.VIEWER, p)) {
                assertThat(PermissionMatrix.allows(Role.MEMBER, p)).as(p.name()).isTrue();
            }
            if (PermissionMatrix.allows(Role.MEMBER, p)) {
                assertThat(PermissionMatrix.allows(Role.ADMIN, p)).as(p.name()).isTrue();
            }
            assertThat(PermissionMatrix.allows(Role.OWNER, p)).as(p.name()).isTrue();
        }
    }

    @Test
    void onlyOwnersDeleteOrTransferAndViewersOnlyRead() {
        assertThat(PermissionMatrix.allows(Role.ADMIN, Permission.WORKSPACE_DELETE)).isFalse();
        assertThat(PermissionMatrix.allows(Role.ADMIN, Permission.OWNERSHIP_TRANSFER)).isFalse();
        assertThat(PermissionMatrix.permissionsOf(Role.VIEWER))
                .allSatisfy(p -> assertThat(p.name()).endsWith("_READ"));
        assertThat(PermissionMatrix.toMarkdown()).contains("| workspace delete | people only | yes | | | | |");
    }

    @Test
    void billingAdminsChangeBillingAndOtherwiseOnlyRead() {
        assertThat(PermissionMatrix.permissionsOf(Role.BILLING_ADMIN)).contains(Permission.BILLING_MANAGE, Permission.BILLING_READ)
                .containsAll(PermissionMatrix.permissionsOf(Role.VIEWER));
        assertThat(PermissionMatrix.permissionsOf(Role.BILLING_ADMIN)).filteredOn(p -> !p.name().startsWith("BILLING_"))
                .allSatisfy(p -> assertThat(p.name()).endsWith("_READ"));
        assertThat(PermissionMatrix.allows(Role.ADMIN, Permission.BILLING_MANAGE)).isFalse();
    }

    @Test
    void onlyOwnersGrantOrRemoveBillingAdmins() {
        assertThat(Role.OWNER.outranksOrIsOwner(Role.BILLING_ADMIN)).isTrue();
        // An admin lacks billing manage, so it cannot hand it out by making someone a billing admin.
        assertThat(Role.ADMIN.outranksOrIsOwner(Role.BILLING_ADMIN)).isFalse();
        assertThat(Role.ADMIN.outranksOrIsOwner(Role.MEMBER)).isTrue();
        // A billing admin lacks what members have, so it manages nobody but viewers.
        assertThat(Role.BILLING_ADMIN.outranksOrIsOwner(Role.MEMBER)).isFalse();
        assertThat(Role.BILLING_ADMIN.outranksOrIsOwner(Role.VIEWER)).isTrue();
        assertThat(Role.fromWire("billing_admin")).contains(Role.BILLING_ADMIN);
    }

    @Test
    void scopesMapBackToPermissions() {
        assertThat(Permission.fromScope("contacts:read")).contains(Permission.CONTACTS_READ);
        assertThat(Permission.fromScope("api-keys:manage")).isEmpty();
    }
}
