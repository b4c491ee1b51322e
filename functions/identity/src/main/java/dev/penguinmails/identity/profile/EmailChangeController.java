package dev.penguinmails.identity.profile;

import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.identity.verification.Accepted;
import dev.penguinmails.identity.verification.TokenRequest;
import dev.penguinmails.shared.auth.Principal;
import dev.penguinmails.shared.auth.PublicEndpoint;
import dev.penguinmails.shared.idempotency.IdempotencyExempt;
import dev.penguinmails.shared.problems.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;

/** {@code POST /v1/me/email-change} and {@code POST /v1/me/email-change/confirm}. */
@Controller("/v1/me/email-change")
@Tag(name = "Accounts")
public class EmailChangeController {
    private final EmailChangeService changes;

    public EmailChangeController(EmailChangeService changes) {
        this.changes = changes;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Status(HttpStatus.ACCEPTED)
    @Operation(operationId = "requestEmailChange", summary = "Change your email address",
            description = "Sends a confirmation link to the new address (valid 24 hours) and a notice to the current one. "
                    + "Nothing changes until the link is used.")
    @ApiResponse(responseCode = "202", description = "Confirmation sent", content = @Content(schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "400", description = "validation-failed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "invalid-password",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "rate-limited; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Accepted request(@Body EmailChangeRequest body, @Parameter(hidden = true) Principal principal,
                            HttpRequest<?> request) {
        return changes.request(principal.requireUser(), body, ClientInfo.of(request));
    }

    @Post(uri = "/confirm", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @PublicEndpoint
    @IdempotencyExempt
    @Operation(operationId = "confirmEmailChange", summary = "Confirm an address change with the emailed token",
            description = "Works without signing in: the token proves access to the new mailbox. The new address counts as verified. "
                    + "Every session of the account is signed out, except the one sending this request, if it sends a bearer token of the same account.")
    @ApiResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = EmailChangeResult.class)))
    @ApiResponse(responseCode = "400", description = "invalid-token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "email-unavailable: another account took the address meanwhile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EmailChangeResult confirm(@Body TokenRequest body, @Parameter(hidden = true) @Nullable Principal principal,
                                     HttpRequest<?> request) {
        return changes.confirm(body.token(), Optional.ofNullable(principal), ClientInfo.of(request));
    }
}
