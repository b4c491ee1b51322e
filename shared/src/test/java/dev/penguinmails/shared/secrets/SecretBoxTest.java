package dev.penguinmails.shared.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Envelope encryption with the local master key: round trip, fresh data keys, and every way a ciphertext must not open. */
class SecretBoxTest {
    private static final SecretContext DKIM = new SecretContext("ws_a", "dkim-private-key", "dom_1");
    private final SecretBox box = new SecretBox(LocalDataKeys.fromBase64(LocalDataKeys.newMasterKey()));

    @Test
    void aSealedSecretOpensInItsContextAndShowsNoPlaintext() {
        String sealed = box.seal(bytes("smtp-password-42"), DKIM);

        assertThat(sealed).startsWith("pm1.").doesNotContain("smtp-password-42")
                .doesNotContain(Base64.getEncoder().encodeToString(bytes("smtp-password-42")));
        assertThat(new String(box.open(sealed, DKIM), StandardCharsets.UTF_8)).isEqualTo("smtp-password-42");
    }

    @Test
    void theSameSecretSealsDifferentlyEachTime() {
        assertThat(box.seal(bytes("same"), DKIM)).isNotEqualTo(box.seal(bytes("same"), DKIM));
    }

    @Test
    void anotherWorkspacePurposeOrOwnerCannotOpenIt() {
        String sealed = box.seal(bytes("secret"), DKIM);

        for (SecretContext other : new SecretContext[] {
                new SecretContext("ws_b", "dkim-private-key", "dom_1"),
                new SecretContext("ws_a", "smtp-password", "dom_1"),
                new SecretContext("ws_a", "dkim-private-key", "dom_2")}) {
            assertThatThrownBy(() -> box.open(sealed, other)).isInstanceOf(SecretUnreadableException.class);
        }
    }

    @Test
    void anAlteredOrForeignCiphertextDoesNotOpen() {
        String sealed = box.seal(bytes("secret"), DKIM);
        String[] parts = sealed.split("\\.");
        byte[] ciphertext = Base64.getUrlDecoder().decode(parts[3]);
        ciphertext[0] ^= 1;
        String altered = parts[0] + "." + parts[1] + "." + parts[2] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext);
        SecretBox otherKey = new SecretBox(LocalDataKeys.fromBase64(LocalDataKeys.newMasterKey()));

        assertThatThrownBy(() -> box.open(altered, DKIM)).isInstanceOf(SecretUnreadableException.class);
        assertThatThrownBy(() -> otherKey.open(sealed, DKIM)).isInstanceOf(SecretUnreadableException.class);
        assertThatThrownBy(() -> box.open("pm1.only.three", DKIM)).isInstanceOf(SecretUnreadableException.class);
        assertThatThrownBy(() -> box.open("plain text", DKIM)).isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void aMasterKeyMustBeAes256() {
        assertThatThrownBy(() -> new LocalDataKeys(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
