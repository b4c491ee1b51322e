package dev.penguinmails.identity.emails;

import dev.penguinmails.topology.ConfigKeys;

import dev.penguinmails.shared.aws.Stages;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where account emails come from ({@code penguinmails.mail.from}) and where their links point
 * ({@code penguinmails.app.base-url}, the web app). Only the local and test stages have defaults; every other
 * stage must set both, with an {@code https} base URL, or the function refuses to start
 * ({@link MailSettingsAtStartup}): a link to a wrong or plain-HTTP host would hand one-time tokens to whoever
 * sits on that path.
 */
@Singleton
public class MailSettings {
    public static final String BASE_URL = ConfigKeys.APP_BASE_URL;
    public static final String FROM = ConfigKeys.MAIL_FROM;
    static final String DEV_BASE_URL = "http://127.0.0.1:8080";
    static final String DEV_FROM = "PenguinMails <no-reply@penguinmails.local>";

    private final String baseUrl;
    private final String from;

    @Inject
    public MailSettings(Environment environment) {
        this(environment.getProperty(BASE_URL, String.class).orElse(null),
                environment.getProperty(FROM, String.class).orElse(null),
                Stages.of(environment).orElse(null));
    }

    /**
     * @throws ConfigurationException naming the property, when a deployed stage lacks one or its base URL is
     *                                not an absolute https URL
     */
    public MailSettings(@Nullable String baseUrl, @Nullable String from, @Nullable String stage) {
        boolean development = Stages.development(stage);
        String url = blankToNull(baseUrl);
        String sender = blankToNull(from);
        if (!development && (url == null || sender == null)) {
            throw new ConfigurationException((url == null ? BASE_URL : FROM) + " is not set; defaults exist only when "
                    + ConfigKeys.STAGE + " is local or test (it is '" + stage + "')");
        }
        url = url == null ? DEV_BASE_URL : url;
        if (!development && !isHttps(url)) {
            throw new ConfigurationException(BASE_URL + " must be an absolute https URL outside the local and test "
                    + "stages (it is '" + url + "')");
        }
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.from = sender == null ? DEV_FROM : sender;
    }

    /** The web app's address, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The sender of account emails, e.g. {@code PenguinMails <no-reply@penguinmails.com>}. */
    public String from() {
        return from;
    }

    private static boolean isHttps(String url) {
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
