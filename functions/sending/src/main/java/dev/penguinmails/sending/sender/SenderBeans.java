package dev.penguinmails.sending.sender;

import dev.penguinmails.sending.messages.MimeMessages;
import dev.penguinmails.sending.scheduling.SendingTime;
import dev.penguinmails.sending.transport.SesRawTransport;
import dev.penguinmails.sending.transport.SmtpSettings;
import dev.penguinmails.sending.transport.SmtpTransport;
import dev.penguinmails.sending.unsubscribe.UnsubscribeTokens;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The sender's plain pieces as beans: one SMTP pool per function instance (connections reused per mailbox). */
@Factory
class SenderBeans {
    private static final Logger LOG = LoggerFactory.getLogger(SenderBeans.class);

    @Singleton
    @Bean(preDestroy = "close")
    SmtpTransport smtpTransport() {
        return new SmtpTransport(SmtpSettings.DEFAULTS);
    }

    @Singleton
    MimeMessages mimeMessages() {
        return new MimeMessages();
    }

    @Singleton
    SesRawTransport sesRawTransport(SesV2Client ses, SenderSettings settings) {
        return new SesRawTransport(ses, settings.configurationSet().isBlank() ? null : settings.configurationSet());
    }

    @Singleton
    UnsubscribeTokens unsubscribeTokens(SenderSettings settings, SendingTime time) {
        Map<String, String> keys = new LinkedHashMap<>();
        String current = null;
        for (String entry : settings.unsubscribeKeys()) {
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("penguinmails.sending.sender.unsubscribe-keys: <id>:<base64 key> expected");
            }
            keys.put(entry.substring(0, colon), entry.substring(colon + 1));
            current = current == null ? entry.substring(0, colon) : current;
        }
        if (current == null) {
            LOG.warn("No unsubscribe keys configured: an ephemeral key signs links, which stop working on restart");
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            current = "ephemeral";
            keys.put(current, Base64.getEncoder().encodeToString(key));
        }
        return UnsubscribeTokens.fromBase64(current, keys, time.clock());
    }
}
