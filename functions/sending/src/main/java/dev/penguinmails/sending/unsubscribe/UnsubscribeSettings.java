package dev.penguinmails.sending.unsubscribe;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;

/**
 * Unsubscribe links, bound from {@code penguinmails.sending.unsubscribe.*}: the public origin that serves
 * {@code /v1/u/<token>} (the sender writes it into {@code List-Unsubscribe} and the footer, this function answers it),
 * the key id that signs new tokens, and how long a token lives. The keys themselves are a secret
 * ({@link #KEYS}, given as a value or by {@code <key>-arn}), never plain configuration.
 *
 * @param baseUrl      the https origin of the unsubscribe route, e.g. {@code https://u.penguinmails.dev}
 * @param currentKeyId the key id ({@code [A-Za-z0-9_-]{1,16}}) that signs new tokens
 * @param lifetime     how long a link works after the send (CAN-SPAM asks for at least 30 days)
 */
@ConfigurationProperties("penguinmails.sending.unsubscribe")
public record UnsubscribeSettings(@Bindable(defaultValue = "https://u.penguinmails.dev") URI baseUrl,
                                  @Bindable(defaultValue = "k1") String currentKeyId,
                                  @Bindable(defaultValue = "365d") Duration lifetime) {
    /**
     * The secret holding the HMAC keys: {@code <keyId>:<base64 key>} pairs separated by commas, each key at least
     * 256 bits; every listed key verifies, {@link #currentKeyId} signs.
     */
    public static final String KEYS = dev.penguinmails.topology.ConfigKeys.UNSUBSCRIBE_KEYS;

    public UnsubscribeSettings {
        if (lifetime.compareTo(Duration.ofDays(30)) < 0) {
            throw new IllegalArgumentException("penguinmails.sending.unsubscribe.lifetime must be at least 30 days");
        }
    }
}
