package dev.penguinmails.identity.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the member endpoints. */
public final class MemberRequests {
    static final String ROLE = "^(owner|admin|billing_admin|member|viewer)$";

    private MemberRequests() { }

    /** PATCH .../members/{userId}. */
    @Serdeable
    @Schema(name = "ChangeMemberRole")
    public record ChangeRole(
            @NotBlank @Pattern(regexp = ROLE, message = "must be one of owner, admin, billing_admin, member, viewer")
            @Schema(allowableValues = {"owner", "admin", "billing_admin", "member", "viewer"}, example = "admin") String role) { }

    /** POST .../transfer-ownership. */
    @Serdeable
    @Schema(name = "TransferOwnership")
    public record TransferOwnership(
            @NotBlank @Size(max = 64) @Schema(description = "The member who becomes primary owner", example = "usr_01JD5Q2X7V4G0ZK3M8N6P9R2TS")
            String userId,
            @Nullable @Pattern(regexp = ROLE, message = "must be one of owner, admin, billing_admin, member, viewer")
            @Schema(description = "Your role afterwards (default admin)", allowableValues = {"owner", "admin", "billing_admin", "member", "viewer"})
            String previousOwnerRole) { }
}
