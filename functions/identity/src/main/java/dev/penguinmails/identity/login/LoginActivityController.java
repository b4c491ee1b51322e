package dev.penguinmails.identity.login;

import dev.penguinmails.shared.auth.Principal;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.Problem;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /v1/me/login-activity}. */
@Controller("/v1/me")
@Tag(name = "Sessions", description = "Your sessions and sign-in history")
public class LoginActivityController {
    private final LoginActivity activity;

    public LoginActivityController(LoginActivity activity) {
        this.activity = activity;
    }

    @Get(uri = "/login-activity", produces = MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listLoginActivity", summary = "Your sign-in history", description = "Every sign-in attempt on your account in the last 90 days, "
            + "newest first: when, from where, with what, and how it ended.")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1 to 100, default 25",
            schema = @Schema(implementation = Integer.class, minimum = "1", maximum = "100", defaultValue = "25"))
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "nextCursor of the previous page",
            schema = @Schema(implementation = String.class))
    @ApiResponse(responseCode = "200", description = "A page of attempts (items: LoginAttempt)")
    @ApiResponse(responseCode = "400", description = "validation-failed (limit) or invalid-cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<LoginAttempt> loginActivity(@Parameter(hidden = true) PageRequest page,
                                            @Parameter(hidden = true) Principal principal) {
        return activity.list(principal.requireUser(), page);
    }
}
