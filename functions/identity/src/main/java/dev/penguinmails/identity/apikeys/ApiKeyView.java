package dev.penguinmails.identity.apikeys;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** An API key as listed: never its secret, only the visible prefix. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ApiKey")
public record ApiKeyView(
        @Schema(example = "key_01JD5Q2X7V4G0ZK3M8N6P9R2TS") String id,
        String name,
        @Schema(description = "The start of the key, to tell keys apart", example = "pmk_key_01JD5Q2X7V4G0ZK3M8N6P9R2TS_Ab3x")
        String prefix,
        List<String> scopes,
        @Schema(allowableValues = {"active", "revoked", "expired"}) String status,
        int rateLimitPerMinute,
        Instant createdAt,
        String createdBy,
        @Nullable Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable @Schema(description = "Recorded at most once a minute") Instant lastUsedAt) {

    static ApiKeyView of(ApiKey key, Instant now) {
        return new ApiKeyView(key.keyId(), key.name(), key.prefix(), key.scopes().stream().sorted().toList(),
                key.status(now), key.rateLimitPerMinute(), key.createdAt(), key.createdBy(), key.validUntil(),
                key.revokedAt(), key.lastUsedAt());
    }

    /** The answer to creating a key: the key itself, shown this once. */
    @Serdeable
    @Schema(name = "CreatedApiKey")
    public record Created(
            @Schema(description = "The whole key. It is shown only now: store it safely; we keep only its hash.",
                    example = "pmk_key_01JD5Q2X7V4G0ZK3M8N6P9R2TS_Ab3x...") String key,
            ApiKeyView apiKey) { }
}
