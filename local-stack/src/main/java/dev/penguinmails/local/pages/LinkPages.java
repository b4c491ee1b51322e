package dev.penguinmails.local.pages;

import dev.penguinmails.local.http.GatewayRequest;
import dev.penguinmails.local.http.HttpReply;
import dev.penguinmails.local.http.LocalEndpoint;
import dev.penguinmails.local.http.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The pages that links in account emails open ({@code /verify-email#token=...}, {@code /reset-password},
 * {@code /confirm-email-change}, {@code /accept-invitation}). On AWS the web app at the stage's base URL
 * serves them; locally these minimal pages stand in for it, so that a link in the sent-mail viewer can be
 * clicked through. Each reads the token from the fragment and completes the action with one API call.
 */
public final class LinkPages implements LocalEndpoint {
    /** Where the pages' script and style sheet are served. */
    public static final String ASSETS = "/link-pages/";
    private static final String RESOURCES = "link-pages/";
    private static final Map<String, Page> PAGES = Map.of(
            "/verify-email", new Page("Verify your email address", "verify-email.html"),
            "/confirm-email-change", new Page("Confirm your new email address", "confirm-email-change.html"),
            "/reset-password", new Page("Reset your password", "reset-password.html"),
            "/accept-invitation", new Page("Accept your invitation", "accept-invitation.html"));
    private static final Map<String, String> ASSET_TYPES = Map.of(
            "link-page.js", "application/javascript",
            "link-page.css", "text/css");

    @Override
    public boolean accepts(String path) {
        return PAGES.containsKey(path) || path.startsWith(ASSETS);
    }

    @Override
    public HttpReply handle(GatewayRequest request) {
        String path = request.rawPath();
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return Problems.reply(405, "method-not-allowed", "Method Not Allowed", path + " accepts only GET.", path);
        }
        Page page = PAGES.get(path);
        if (page != null) {
            String html = text("layout.html").replace("{{title}}", page.title()).replace("{{content}}", text(page.content()));
            return reply(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
        }
        String asset = path.substring(ASSETS.length());
        String type = ASSET_TYPES.get(asset);
        if (type == null) {
            return Problems.reply(404, "not-found", "Not Found", "There is no file at " + path + ".", path);
        }
        return reply(bytes(asset), type);
    }

    /** A page: its title, and the file with its forms, which the shared layout wraps. */
    private record Page(String title, String content) { }

    private static HttpReply reply(byte[] body, String contentType) {
        // Links carry one-time tokens: keep the page out of caches and the token out of Referer headers.
        return new HttpReply(200, List.of(Map.entry("Content-Type", contentType),
                Map.entry("Cache-Control", "no-store"), Map.entry("Referrer-Policy", "no-referrer")), body, List.of());
    }

    private static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = LinkPages.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCES + name + " is missing from the local stack's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
