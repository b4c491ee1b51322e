package dev.penguinmails.identity.emails;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the links in account emails: {@code ${penguinmails.app.base-url}/<action>#token=<token>}. The token
 * sits in the fragment, which browsers never send to a server nor put in a Referer header, so it stays out of
 * access logs, proxies and third-party requests of the page. The web app at that address reads it there and
 * posts it to the API; the email also names the endpoint so that an API client can do the same.
 */
@Singleton
public class EmailLinks {
    private final String baseUrl;

    @Inject
    public EmailLinks(MailSettings settings) {
        this(settings.baseUrl());
    }

    EmailLinks(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String tokenLink(String action, String token) {
        return baseUrl + "/" + action + "#token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    public String baseUrl() {
        return baseUrl;
    }
}
