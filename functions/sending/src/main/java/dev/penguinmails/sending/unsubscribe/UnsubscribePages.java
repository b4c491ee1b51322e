package dev.penguinmails.sending.unsubscribe;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import org.jsoup.nodes.Entities;

/**
 * The small HTML pages of the unsubscribe route: plain, accessible (a heading, a labelled button, a language), no
 * script, no third-party anything. Served with headers that keep the token in the URL from leaking (no referrer,
 * no caching) and the page from being framed or restyled from elsewhere.
 */
final class UnsubscribePages {
    /** Inline styles only, no scripts, forms post back to this origin only, no framing. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private UnsubscribePages() { }

    /** The confirmation page: one button that posts back to the same link. */
    static MutableHttpResponse<String> confirm() {
        return page(HttpStatus.OK, "Unsubscribe", """
                <p>Do you want to stop receiving these emails?</p>
                <form method="post">
                  <input type="hidden" name="confirm" value="page">
                  <button type="submit">Unsubscribe</button>
                </form>""");
    }

    static MutableHttpResponse<String> done() {
        return page(HttpStatus.OK, "You are unsubscribed",
                "<p>You will not receive further emails from this sender's campaigns. You can close this page.</p>");
    }

    /** A link we cannot act on; {@code why} is shown as text (escaped), never as markup. */
    static MutableHttpResponse<String> unusable(HttpStatus status, String why) {
        return page(status, "This link does not work",
                "<p>" + escape(why) + "</p><p>Nothing was changed. To stop these emails, reply to the message and ask "
                        + "the sender to remove you, or use the link in a more recent email.</p>");
    }

    static String escape(String text) {
        return Entities.escape(text);
    }

    private static MutableHttpResponse<String> page(HttpStatus status, String title, String body) {
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%1$s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
                button{font-size:1rem;padding:.6rem 1.2rem;border:2px solid #1a1a1a;border-radius:4px;background:#fff;cursor:pointer}
                button:focus{outline:3px solid #1d4ed8;outline-offset:2px}</style>
                </head>
                <body>
                <main>
                <h1>%1$s</h1>
                %2$s
                </main>
                </body>
                </html>
                """.formatted(escape(title), body);
        return HttpResponse.<String>status(status).body(html)
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Content-Security-Policy", CSP)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
    }
}
