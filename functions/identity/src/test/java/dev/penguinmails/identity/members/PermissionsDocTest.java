package dev.penguinmails.identity.members;

import dev.penguinmails.shared.auth.AllowsApiKeys;
import dev.penguinmails.shared.auth.RequiresPermission;


import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.shared.auth.PermissionMatrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/identity/permissions.md prints the permission matrix written once in code. This test fails when
 * the doc is stale; {@code -Dpenguinmails.docs.update=true} rewrites it:
 * {@code mvn -o -pl functions/identity test -Dtest=PermissionsDocTest -Dpenguinmails.docs.update=true}.
 */
class PermissionsDocTest {
    static final String INTRO = """
            # Roles and permissions

            Generated from `PermissionMatrix.toMarkdown()` (shared/auth); `PermissionsDocTest` fails when this
            file is stale. Regenerate it with
            `mvn -o -pl functions/identity test -Dtest=PermissionsDocTest -Dpenguinmails.docs.update=true`.

            Every workspace endpoint declares the permission it needs (`@RequiresPermission`). People get the
            permissions of their role in the workspace; an API key gets the permissions whose scope it holds,
            and never a permission marked "people only". Besides the table:

            - Sending campaigns, inviting people (resends too), creating API keys and creating a workspace beyond
              one's first also need a verified email address (`403 email-not-verified`); an API key may only be
              given scopes its creator's role has.
            - An API key goes with its creator's standing: revoked when they leave or are removed, and when they
              are demoted if it has a scope their new role lacks.
            - An API key works only while its workspace is active (`401` otherwise), and on a route without
              `{workspaceId}` only if that route is marked `@AllowsApiKeys` (`403` otherwise).
            - Nobody changes, removes or invites a role at or above their own (owners excepted), nor a role with a
              permission their own lacks: only owners make or remove billing admins, who change billing and
              otherwise only read. Anyone may lower their own role.
            - The primary owner (the workspace's `ownerId`) cannot leave, be removed or be demoted; they
              transfer ownership first (`409 primary-owner`). No owner can while they are the only one
              (`409 last-owner`).
            - Someone who is not a member of a workspace gets `404` on all of its routes, never `403`.

            """;

    static Path document() {
        String root = System.getProperty("penguinmails.repo.root");
        Path start = root != null && !root.isBlank() ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("functions")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir.resolve("docs/identity/permissions.md");
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + start);
    }

    @Test
    void thePermissionsDocPrintsTheMatrixOfTheCode() throws IOException {
        String expected = INTRO + PermissionMatrix.toMarkdown();
        Path doc = document();
        if (Boolean.getBoolean("penguinmails.docs.update")) {
            Files.createDirectories(doc.getParent());
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
        }

        assertThat(doc).exists();
        assertThat(Files.readString(doc, StandardCharsets.UTF_8))
                .as("docs/identity/permissions.md is stale; regenerate it (see this test's doc comment)")
                .isEqualTo(expected);
    }
}
