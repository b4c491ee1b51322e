package dev.penguinmails.sending.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.sending.unsubscribe.Verification.Reason;
import dev.penguinmails.sending.unsubscribe.Verification.Rejected;
import dev.penguinmails.sending.unsubscribe.Verification.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {
    private static final Instant NOW = Instant.parse("2026-12-06T18:00:00Z");
    private static final byte[] KEY_A = "a-32-byte-test-key-for-hmac-0001".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_B = "b-32-byte-test-key-for-hmac-0002".getBytes(StandardCharsets.US_ASCII);
    private static final UnsubscribeToken TOKEN = new UnsubscribeToken("01J9ZXWORKSPACE0000000000A", "01J9ZXMESSAGE00000000000000",
            "01J9ZXCONTACT000000000000C", "01J9ZXCAMPAIGN00000000000D", NOW.plus(Duration.ofDays(365)));

    private static UnsubscribeTokens tokens(String current, Map<String, byte[]> keys, Instant now) {
        return new UnsubscribeTokens(current, keys, Clock.fixed(now, ZoneOffset.UTC));
    }

    private final UnsubscribeTokens tokens = tokens("k1", Map.of("k1", KEY_A), NOW);

    @Test
    void roundTripsInAShortUrlSafeString() {
        String text = tokens.issue(TOKEN);
        assertThat(text).matches("[A-Za-z0-9_.-]+").hasSizeLessThan(200).startsWith("k1.");
        assertThat(tokens.verify(text)).isEqualTo(new Valid(TOKEN));
    }

    @Test
    void tamperedTokensAreRejectedAsSuch() {
        String text = tokens.issue(TOKEN);
        String[] parts = text.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        payload[payload.length - 1] ^= 1; // another campaign id
        String otherPayload = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[2];
        assertThat(tokens.verify(otherPayload)).isEqualTo(new Rejected(Reason.BAD_SIGNATURE));

        char last = text.charAt(text.length() - 1);
        assertThat(tokens.verify(text.substring(0, text.length() - 1) + (last == 'A' ? 'B' : 'A')))
                .isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
        assertThat(tokens.verify("k9" + text.substring(2))).isEqualTo(new Rejected(Reason.UNKNOWN_KEY));
        for (String junk : new String[] {"", "k1", "k1..", "k1.abc", "k1.!!!.abc", text + ".x", null}) {
            assertThat(tokens.verify(junk)).as(String.valueOf(junk)).isEqualTo(new Rejected(Reason.MALFORMED));
        }
    }

    @Test
    void expiredTokensAreRejectedOnlyAfterTheirExpiry() {
        String text = tokens.issue(TOKEN);
        assertThat(tokens("k1", Map.of("k1", KEY_A), TOKEN.expiresAt().minusSeconds(1)).verify(text)).isInstanceOf(Valid.class);
        assertThat(tokens("k1", Map.of("k1", KEY_A), TOKEN.expiresAt()).verify(text))
                .isEqualTo(new Rejected(Reason.EXPIRED));
    }

    @Test
    void rotationKeepsOldTokensValidUntilTheirKeyIsDropped() {
        String old = tokens.issue(TOKEN);
        UnsubscribeTokens rotated = tokens("k2", Map.of("k1", KEY_A, "k2", KEY_B), NOW);
        String fresh = rotated.issue(TOKEN);
        assertThat(fresh).startsWith("k2.");
        assertThat(rotated.verify(old)).isEqualTo(new Valid(TOKEN));
        assertThat(rotated.verify(fresh)).isEqualTo(new Valid(TOKEN));
        assertThat(tokens("k2", Map.of("k2", KEY_B), NOW).verify(old)).isEqualTo(new Rejected(Reason.UNKNOWN_KEY));
        // A token cannot be moved to another key id: the id is under the mac.
        assertThat(rotated.verify("k2" + old.substring(2))).isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
    }

    @Test
    void badConfigurationIsRefused() {
        assertThatThrownBy(() -> tokens("k2", Map.of("k1", KEY_A), NOW)).hasMessageContaining("current");
        assertThatThrownBy(() -> tokens("k1", Map.of("k1", new byte[16]), NOW)).hasMessageContaining("256 bits");
        assertThatThrownBy(() -> tokens("k.1", Map.of("k.1", KEY_A), NOW)).hasMessageContaining("key id");
        UnsubscribeTokens fromConfig = UnsubscribeTokens.fromBase64("k1",
                Map.of("k1", Base64.getUrlEncoder().encodeToString(KEY_A)), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(fromConfig.verify(tokens.issue(TOKEN))).isEqualTo(new Valid(TOKEN));
    }
}
