package dev.penguinmails.identity.profile;

import dev.penguinmails.identity.accounts.AccountAudit;
import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.identity.accounts.User;
import dev.penguinmails.identity.accounts.UserStore;
import dev.penguinmails.shared.auth.Principal;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.Problem;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.StaleVersionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code GET /v1/me} and {@code PATCH /v1/me}. */
@Controller("/v1/me")
@Tag(name = "Accounts")
public class ProfileController {
    private final UserStore users;
    private final AccountAudit audit;

    public ProfileController(UserStore users, AccountAudit audit) {
        this.users = users;
        this.audit = audit;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getProfile", summary = "Your profile")
    @ApiResponse(responseCode = "200", description = "The profile", content = @Content(schema = @Schema(implementation = ProfileView.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProfileView me(@Parameter(hidden = true) Principal principal) {
        return ProfileView.of(current(principal));
    }

    @Patch(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateProfile", summary = "Change your name, time zone or language",
            description = "Send only the fields to change. The address changes through POST /v1/me/email-change.")
    @ApiResponse(responseCode = "200", description = "The profile as it is now",
            content = @Content(schema = @Schema(implementation = ProfileView.class)))
    @ApiResponse(responseCode = "400", description = "validation-failed: a field is invalid, or none was sent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "version-conflict: changed by another request meanwhile; read and retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProfileView update(@Body ProfileUpdate body, @Parameter(hidden = true) Principal principal, HttpRequest<?> request) {
        User user = current(principal);
        List<FieldError> errors = new ArrayList<>();
        String name = checked(ProfileFields.name("name", body.name()), body.name(), errors);
        String timezone = checked(ProfileFields.timezone("timezone", body.timezone()), body.timezone(), errors);
        String locale = checked(ProfileFields.locale("locale", body.locale()), body.locale(), errors);
        if (body.name() == null && body.timezone() == null && body.locale() == null) {
            errors.add(new FieldError("body", "send at least one of name, timezone, locale"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        User updated = users.updateProfile(user.userId(), user.version(), name, timezone, locale)
                .orElseThrow(() -> new StaleVersionException("Your profile was changed by another request; read it and try again."));
        Map<String, String> changed = new TreeMap<>();
        if (name != null) {
            changed.put("name", name);
        }
        if (timezone != null) {
            changed.put("timezone", timezone);
        }
        if (locale != null) {
            changed.put("locale", locale);
        }
        audit.byUser(user.userId(), "account.profile_updated", ClientInfo.of(request), changed);
        return ProfileView.of(updated);
    }

    private User current(Principal principal) {
        return users.find(principal.requireUser()).filter(User::isActive)
                .orElseThrow(() -> ProblemException.unauthorized("Your account no longer exists; sign in again."));
    }

    /** The canonical value of a field that was sent, or null when it was not; its error, if any, joins {@code errors}. */
    private static String checked(ProfileFields.Checked result, String sent, List<FieldError> errors) {
        if (sent == null) {
            return null;
        }
        result.error().ifPresent(errors::add);
        return result.value();
    }
}
