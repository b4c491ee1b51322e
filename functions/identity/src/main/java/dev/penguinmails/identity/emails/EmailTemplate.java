package dev.penguinmails.identity.emails;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one layout of every account email, written once as text and as HTML: a greeting, paragraphs, an
 * optional action (a link, and the API endpoint its token is posted to), and a closing line. Every
 * value is HTML-escaped, because names and user agents come from users.
 */
public final class EmailTemplate {
    private final String greetingName;
    private final List<String> paragraphs = new ArrayList<>();
    private String actionLabel;
    private String actionUrl;
    private String endpoint;
    private String token;
    private String closing = "If you did not expect this email, you can ignore it.";

    private EmailTemplate(String greetingName) {
        this.greetingName = greetingName;
    }

    public static EmailTemplate to(String name) {
        return new EmailTemplate(name);
    }

    public EmailTemplate paragraph(String text) {
        paragraphs.add(Objects.requireNonNull(text));
        return this;
    }

    /** A link to click, and for API clients: POST {@code {"token": ...}} to {@code endpoint}. */
    public EmailTemplate action(String label, String url, String endpoint, String token) {
        this.actionLabel = label;
        this.actionUrl = url;
        this.endpoint = endpoint;
        this.token = token;
        return this;
    }

    /** A link to click that carries no token (e.g. Stripe's page to pay an invoice). */
    public EmailTemplate link(String label, String url) {
        return action(label, url, null, null);
    }

    public EmailTemplate closing(String text) {
        this.closing = text;
        return this;
    }

    public OutgoingEmail build(String to, String subject) {
        return new OutgoingEmail(to, subject, text(), html(subject));
    }

    private String text() {
        StringBuilder out = new StringBuilder("Hi ").append(greetingName).append(",\n\n");
        paragraphs.forEach(p -> out.append(p).append("\n\n"));
        if (actionUrl != null) {
            out.append(actionLabel).append(":\n").append(actionUrl).append("\n\n");
            if (token != null) {
                out.append("Using the API instead? POST {\"token\": \"").append(token).append("\"} to ")
                        .append(endpoint).append(".\n\n");
            }
        }
        out.append(closing).append("\n\n— PenguinMails\n");
        return out.toString();
    }

    private String html(String subject) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(subject)).append("</title></head>")
                .append("<body style=\"font-family:Arial,Helvetica,sans-serif;color:#1f2933;line-height:1.5\">")
                .append("<p>Hi ").append(escape(greetingName)).append(",</p>");
        paragraphs.forEach(p -> out.append("<p>").append(escape(p).replace("\n", "<br>")).append("</p>"));
        if (actionUrl != null) {
            out.append("<p><a href=\"").append(escape(actionUrl)).append("\" style=\"display:inline-block;padding:10px 18px;")
                    .append("background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:4px\">")
                    .append(escape(actionLabel)).append("</a></p>")
                    .append("<p style=\"font-size:13px;color:#52606d\">Or open this link: ").append(escape(actionUrl));
            if (token != null) {
                out.append("<br>Using the API instead? POST <code>{\"token\": \"").append(escape(token))
                        .append("\"}</code> to <code>").append(escape(endpoint)).append("</code>");
            }
            out.append(".</p>");
        }
        out.append("<p style=\"font-size:13px;color:#52606d\">").append(escape(closing)).append("</p>")
                .append("<p>— PenguinMails</p></body></html>");
        return out.toString();
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
