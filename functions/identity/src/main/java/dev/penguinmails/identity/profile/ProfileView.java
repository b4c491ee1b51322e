package dev.penguinmails.identity.profile;

import dev.penguinmails.identity.accounts.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The caller's own profile. */
@Serdeable
@Schema(name = "Profile")
public record ProfileView(String userId, String email, boolean emailVerified, @Nullable Instant emailVerifiedAt,
                          String name,
                          @Schema(description = "IANA time zone", example = "Europe/Lisbon") String timezone,
                          @Schema(description = "BCP 47 language tag", example = "pt-PT") String locale,
                          Instant createdAt) {
    public static ProfileView of(User user) {
        return new ProfileView(user.userId(), user.email(), user.emailVerified(), user.emailVerifiedAt(), user.name(),
                user.timezone(), user.locale(), user.createdAt());
    }
}
