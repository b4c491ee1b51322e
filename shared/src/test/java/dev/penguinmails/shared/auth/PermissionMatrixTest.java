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
        assertThat(PermissionMatrix.toMarkdown()).contains("| workspace delete | people only | yes | | | |");
    }

    @Test
    void scopesMapBackToPermissions() {
        assertThat(Permission.fromScope("contacts:read")).contains(Permission.CONTACTS_READ);
        assertThat(Permission.fromScope("api-keys:manage")).isEmpty();
    }
}
