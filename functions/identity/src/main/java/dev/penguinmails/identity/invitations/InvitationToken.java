package dev.penguinmails.identity.invitations;

import dev.penguinmails.identity.tokens.SecretHash;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token in an invitation link: {@code <workspaceId>.<invitationId>.<secret>}. The ids say where the
 * invitation is stored (they grant nothing by themselves); the secret is 256 random bits, of which only
 * the SHA-256 of the whole token is stored.
 */
public record InvitationToken(String workspaceId, String invitationId, String secret) {
    private static final Pattern SHAPE = Pattern.compile(
            "([A-Za-z0-9_-]{1,64})\\.(inv_[0-9A-HJKMNP-TV-Z]{26})\\.([A-Za-z0-9_-]{43})");

    public InvitationToken {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(secret, "secret");
    }

    public static InvitationToken mint(String workspaceId, String invitationId) {
        return new InvitationToken(workspaceId, invitationId, SecretHash.randomSecret(32));
    }

    /** The token in {@code raw}, if it has exactly the shape of one. */
    public static Optional<InvitationToken> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(raw.strip());
        return m.matches() ? Optional.of(new InvitationToken(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    public String value() {
        return workspaceId + "." + invitationId + "." + secret;
    }

    public String hash() {
        return SecretHash.sha256Hex(value());
    }

    /** Whether this token is the one whose hash is {@code storedHash} (constant-time). */
    public boolean matches(String storedHash) {
        return SecretHash.matches(value(), storedHash);
    }

    @Override
    public String toString() {
        return workspaceId + "." + invitationId + ".…";
    }
}
