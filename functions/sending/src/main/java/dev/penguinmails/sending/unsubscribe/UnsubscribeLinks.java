package dev.penguinmails.sending.unsubscribe;

import dev.penguinmails.shared.aws.SecretValues;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place unsubscribe tokens are issued and read, with the configured keys: the sender calls {@link #https}
 * for {@code List-Unsubscribe}, the public route calls {@link #verify}. The keys are read on first use, not at
 * startup, so a function without them still serves everything else (and a missing secret fails only these calls).
 */
@Singleton
public class UnsubscribeLinks {
    private final UnsubscribeSettings settings;
    private final SecretValues secrets;
    private final Clock clock;
    private volatile UnsubscribeTokens tokens;

    @jakarta.inject.Inject
    UnsubscribeLinks(UnsubscribeSettings settings, SecretValues secrets) {
        this(settings, secrets, Clock.systemUTC());
    }

    UnsubscribeLinks(UnsubscribeSettings settings, SecretValues secrets, Clock clock) {
        this.settings = settings;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** A token for one message, valid for the configured lifetime from now. */
    public String issue(String workspaceId, String messageId, String contactId, String campaignId) {
        Instant expiresAt = clock.instant().plus(settings.lifetime());
        return tokens().issue(new UnsubscribeToken(workspaceId, messageId, contactId, campaignId, expiresAt));
    }

    /** The https link ({@code <base-url>/v1/u/<token>}) for {@code List-Unsubscribe} and the footer. */
    public URI https(String token) {
        String base = settings.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/u/" + token);
    }

    public Verification verify(String token) {
        return tokens().verify(token);
    }

    private UnsubscribeTokens tokens() {
        UnsubscribeTokens current = tokens;
        if (current == null) {
            current = UnsubscribeTokens.fromBase64(settings.currentKeyId(), keys(), clock);
            tokens = current;
        }
        return current;
    }

    private Map<String, String> keys() {
        String text = secrets.find(UnsubscribeSettings.KEYS).orElseThrow(() -> new ConfigurationException(
                "unsubscribe links need " + UnsubscribeSettings.KEYS + " (or its -arn)"));
        Map<String, String> keys = new LinkedHashMap<>();
        if (text.indexOf(':') < 0) {
            // A bare value (as Secrets Manager generates one): the UTF-8 bytes of key k1.
            keys.put("k1", java.util.Base64.getEncoder().encodeToString(text.strip().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
            return keys;
        }
        for (String pair : text.split(",")) {
            int colon = pair.indexOf(':');
            if (colon < 1) {
                throw new ConfigurationException(UnsubscribeSettings.KEYS + " is <keyId>:<base64 key>[,...]");
            }
            keys.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
        }
        return keys;
    }
}
