package dev.penguinmails.identity.emails;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the links in account emails: {@code ${penguinmails.app.base-url}/<action>?token=<token>}. The
 * web app at that address posts the token to the API; the email also names the endpoint so that an
 * API client can do the same.
 */
@Singleton
public class EmailLinks {
    private final String baseUrl;

    public EmailLinks(@Value("${penguinmails.app.base-url:`http://127.0.0.1:8080`}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String tokenLink(String action, String token) {
        return baseUrl + "/" + action + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    public String baseUrl() {
        return baseUrl;
    }
}
