package dev.penguinmails.local;

import dev.penguinmails.emulators.LocalAwsEndpoints;
import java.util.Locale;

/** What the run command prints once the stack is ready: where everything is. */
final class ReadyBanner {
    private ReadyBanner() { }

    static String text(LocalStack stack) {
        LocalAwsEndpoints e = stack.localAws().endpoints();
        String data = stack.options().dataDir() == null ? "(in memory, nothing persisted)"
                : stack.options().dataDir().toAbsolutePath().normalize().toString();
        return String.join(System.lineSeparator(),
                "",
                "PenguinMails is running on this machine.",
                "  API base URL     " + stack.apiBaseUrl() + "   (e.g. POST " + stack.apiBaseUrl() + "/v1/signup)",
                "  Swagger UI       " + stack.docsUrl(),
                "  OpenAPI          " + stack.openApiUrl(),
                "  Sent mail        " + e.mailViewer() + "   (its links open pages here, e.g. "
                        + stack.apiBaseUrl() + "/verify-email)",
                "  SMTP / IMAP      127.0.0.1:" + e.smtpPort() + " / 127.0.0.1:" + e.imapPort() + "   (any user, any password)",
                "  Stripe stand-in  " + stack.stripeBaseUrl() + "   (webhooks signed and sent to "
                        + stack.apiBaseUrl() + LocalStripe.WEBHOOK_PATH + ")",
                "  DNS server       " + stack.dnsResolvers() + " (UDP and TCP)   (zones: PUT, GET, DELETE "
                        + stack.apiBaseUrl() + "/_local/dns/{zone})",
                "  Health / queues  " + stack.apiBaseUrl() + "/_local/health   " + stack.apiBaseUrl() + "/_local/queues",
                "  Data folder      " + data,
                "  Samples          PENGUINMAILS_API=" + stack.apiBaseUrl() + " PENGUINMAILS_MAIL_VIEWER="
                        + trimSlash(e.mailViewer().toString()) + " samples/demo-identity.sh",
                String.format(Locale.ROOT, "Ready in %.1f s. Press Ctrl-C to stop.", stack.startupTime().toMillis() / 1000.0),
                "");
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
