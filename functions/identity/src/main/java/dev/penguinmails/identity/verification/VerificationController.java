package dev.penguinmails.identity.verification;

import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.shared.auth.PublicEndpoint;
import dev.penguinmails.shared.problems.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /v1/auth/verify-email} and {@code POST /v1/auth/resend-verification}. */
@Controller("/v1/auth")
@Tag(name = "Accounts")
public class VerificationController {
    private final VerificationService verification;

    public VerificationController(VerificationService verification) {
        this.verification = verification;
    }

    @Post(uri = "/verify-email", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @PublicEndpoint
    @Operation(operationId = "verifyEmail", summary = "Verify an email address", description = "Posts the token from the verification email. "
            + "A token works once and for 24 hours, and only for the address it was sent to.")
    @ApiResponse(responseCode = "200", description = "Verified",
            content = @Content(schema = @Schema(implementation = EmailVerifiedResponse.class)))
    @ApiResponse(responseCode = "400", description = "invalid-token: unknown, expired, used or tampered with",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EmailVerifiedResponse verify(@Body TokenRequest body, HttpRequest<?> request) {
        return verification.verify(body.token(), ClientInfo.of(request));
    }

    @Post(uri = "/resend-verification", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @PublicEndpoint
    @Status(HttpStatus.ACCEPTED)
    @Operation(operationId = "resendVerification", summary = "Send a new verification link",
            description = "Same answer whether or not an account has the address. At most 3 links an hour per address.")
    @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "400", description = "validation-failed: not an email address",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "rate-limited; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Accepted resend(@Body EmailRequest body, HttpRequest<?> request) {
        return verification.resend(body.email(), ClientInfo.of(request));
    }
}
