package dev.penguinmails.identity.signup;

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

/** {@code POST /v1/signup}. */
@Controller
@Tag(name = "Accounts", description = "Sign up, verify your address, your profile")
public class SignupController {
    private final SignupService signups;

    public SignupController(SignupService signups) {
        this.signups = signups;
    }

    @Post(uri = "/v1/signup", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @PublicEndpoint
    @Status(HttpStatus.ACCEPTED)
    @Operation(operationId = "signUp", summary = "Create an account and its first workspace",
            description = "Creates the account (unverified) and a workspace you own, and emails a verification link. "
                    + "If the address already has an account the answer is the same, and its owner gets an email instead. "
                    + "Honours Idempotency-Key.")
    @ApiResponse(responseCode = "202", description = "Accepted; check the mailbox",
            content = @Content(schema = @Schema(implementation = SignupAccepted.class)))
    @ApiResponse(responseCode = "400", description = "validation-failed (field errors) or weak-password (the estimator's reasons)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "rate-limited: too many sign-ups from this network; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SignupAccepted signup(@Body SignupRequest body, HttpRequest<?> request) {
        return signups.signup(body, ClientInfo.of(request));
    }
}
