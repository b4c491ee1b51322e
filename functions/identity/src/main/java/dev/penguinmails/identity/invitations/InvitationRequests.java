package dev.penguinmails.identity.invitations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the invitation endpoints. */
public final class InvitationRequests {
    private InvitationRequests() { }

    /** POST .../invitations. */
    @Serdeable
    @Schema(name = "CreateInvitation")
    public record Create(
            @NotBlank @Size(max = 254) @Schema(example = "ada@example.com") String email,
            @NotBlank @Pattern(regexp = "^(admin|billing_admin|member|viewer)$", message = "must be one of admin, billing_admin, member, viewer")
            @Schema(allowableValues = {"admin", "billing_admin", "member", "viewer"}, example = "member") String role) { }

    /** POST .../invitations/{invitationId}: the action to take. */
    @Serdeable
    @Schema(name = "InvitationAction")
    public record Action(
            @NotBlank @Pattern(regexp = "^resend$", message = "must be resend")
            @Schema(allowableValues = {"resend"}, description = "resend: email a new link (the old one stops working) "
                    + "and restart the 7 days") String action) { }

    /** POST /v1/invitations/accept. */
    @Serdeable
    @Schema(name = "AcceptInvitation", description = "Signed in (Authorization: Bearer <access token>): only token. "
            + "New to PenguinMails: token, name and password, which create your account (its address counts as verified).")
    public record Accept(
            @NotBlank @Size(max = 300) @Schema(description = "The token from the invitation email") String token,
            @Nullable @Schema(description = "New accounts: your name", maxLength = 100) String name,
            @Nullable @Schema(description = "New accounts: 8 to 128 characters, checked by a strength estimator",
                    minLength = 8, maxLength = 128) String password,
            @Nullable @Schema(description = "New accounts: IANA time zone (default UTC)", example = "Europe/Berlin") String timezone,
            @Nullable @Schema(description = "New accounts: BCP 47 language tag (default en)", example = "de") String locale) { }
}
