package dev.penguinmails.identity.apikeys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Request bodies of the API-key endpoints. */
public final class ApiKeyRequests {
    private ApiKeyRequests() { }

    /** POST .../api-keys. */
    @Serdeable
    @Schema(name = "CreateApiKey")
    public record Create(
            @NotBlank @Size(max = 100) @Pattern(regexp = "^[^\\x00-\\x1F\\x7F]*$", message = "must not contain control characters")
            @Schema(example = "CRM sync") String name,
            @NotEmpty @Size(max = 30)
            @ArraySchema(schema = @Schema(example = "contacts:read"),
                    arraySchema = @Schema(description = "What the key may do, e.g. contacts:read, campaigns:write; "
                            + "only scopes your own role has"))
            List<@NotBlank String> scopes,
            @Nullable @Schema(description = "When the key stops working (ISO-8601, in the future, at most 2 years ahead); "
                    + "absent: never") Instant expiresAt,
            @Nullable @Min(1) @Max(ApiKeyService.MAX_RATE_LIMIT)
            @Schema(description = "Requests per minute (a token bucket; default 600)") Integer rateLimitPerMinute) { }
}
