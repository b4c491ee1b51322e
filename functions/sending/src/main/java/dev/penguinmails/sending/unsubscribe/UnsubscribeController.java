package dev.penguinmails.sending.unsubscribe;

import dev.penguinmails.sending.unsubscribe.Verification.Rejected;
import dev.penguinmails.sending.unsubscribe.Verification.Valid;
import dev.penguinmails.shared.auth.PublicEndpoint;
import dev.penguinmails.shared.http.RequestBodies;
import dev.penguinmails.shared.idempotency.IdempotencyExempt;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public unsubscribe link of every campaign email, {@code /v1/u/<token>} (decision 0054). GET shows a confirmation
 * page and changes nothing (mail scanners fetch links); POST unsubscribes, both from that page's form and as the
 * RFC 8058 one-click POST mail providers send ({@code List-Unsubscribe=One-Click}, no cookies). The signed token is
 * the only credential; a rejected one gets a friendly page and changes nothing.
 */
@Controller("/v1/u")
@Tag(name = "Unsubscribe")
class UnsubscribeController {
    private static final Logger LOG = LoggerFactory.getLogger(UnsubscribeController.class);
    static final String ONE_CLICK = "one-click";
    static final String PAGE = "page";

    private final UnsubscribeLinks links;
    private final Unsubscribes unsubscribes;

    UnsubscribeController(UnsubscribeLinks links, Unsubscribes unsubscribes) {
        this.links = links;
        this.unsubscribes = unsubscribes;
    }

    @Get(value = "/{token}", produces = MediaType.TEXT_HTML)
    @PublicEndpoint
    @Operation(operationId = "showUnsubscribePage", summary = "Unsubscribe confirmation page",
            description = "For recipients, from the link in a campaign email. An HTML page with one button; changes nothing.")
    @ApiResponse(responseCode = "200", description = "The confirmation page")
    @ApiResponse(responseCode = "400", description = "The link is not valid (altered or unknown); a page saying so")
    @ApiResponse(responseCode = "410", description = "The link has expired; a page saying so")
    HttpResponse<String> page(@PathVariable String token) {
        Verification verification = links.verify(token);
        if (verification instanceof Rejected rejected) {
            return rejectedPage(rejected);
        }
        return UnsubscribePages.confirm();
    }

    @Post(value = "/{token}", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA,
            MediaType.TEXT_PLAIN}, produces = MediaType.TEXT_HTML)
    @PublicEndpoint
    @IdempotencyExempt
    @Operation(operationId = "unsubscribe", summary = "Unsubscribe (RFC 8058 one-click, or the page's form)",
            description = "For mail providers and recipients. Body List-Unsubscribe=One-Click (RFC 8058) or the "
                    + "confirmation page's form. Idempotent: a repeat confirms again and changes nothing more.")
    @ApiResponse(responseCode = "200", description = "Unsubscribed (now or before); an HTML confirmation")
    @ApiResponse(responseCode = "400", description = "The link is not valid (altered or unknown); nothing changed")
    @ApiResponse(responseCode = "404", description = "No such message was sent; nothing changed")
    @ApiResponse(responseCode = "410", description = "The link has expired; nothing changed")
    HttpResponse<String> unsubscribe(@PathVariable String token, HttpRequest<?> request) {
        Verification verification = links.verify(token);
        if (verification instanceof Rejected rejected) {
            return rejectedPage(rejected);
        }
        UnsubscribeToken valid = ((Valid) verification).token();
        String method = oneClick(RequestBodies.bytes(request)) ? ONE_CLICK : PAGE;
        return switch (unsubscribes.unsubscribe(valid, method)) {
            case UNSUBSCRIBED, ALREADY -> UnsubscribePages.done();
            case UNKNOWN_MESSAGE -> UnsubscribePages.unusable(HttpStatus.NOT_FOUND,
                    "We could not find the email this link belongs to.");
        };
    }

    /** RFC 8058: the POST body carries {@code List-Unsubscribe=One-Click}. */
    static boolean oneClick(byte[] body) {
        if (body.length == 0 || body.length > 4096) {
            return false;
        }
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && decode(pair.substring(0, eq)).equals("List-Unsubscribe")
                    && decode(pair.substring(eq + 1)).strip().equals("One-Click")) {
                return true;
            }
        }
        return false;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    private static HttpResponse<String> rejectedPage(Rejected rejected) {
        LOG.info("Unsubscribe link rejected: {}", rejected.reason());
        return switch (rejected.reason()) {
            case EXPIRED -> UnsubscribePages.unusable(HttpStatus.GONE, "This unsubscribe link has expired.");
            case MALFORMED, UNKNOWN_KEY, BAD_SIGNATURE -> UnsubscribePages.unusable(HttpStatus.BAD_REQUEST,
                    "This unsubscribe link is not valid. It may have been cut short or changed.");
        };
    }
}
