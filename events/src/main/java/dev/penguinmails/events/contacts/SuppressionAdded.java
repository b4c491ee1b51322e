package dev.penguinmails.events.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code suppression.added}: the workspace may no longer mail an address ({@code kind} {@code email}, matched by
 * {@code emailHash}; {@code email} is absent when only the hash is kept, after an erasure) or any address at a
 * domain ({@code kind} {@code domain}, the ASCII domain, matching it and its subdomains). Apply by {@code version}.
 */
@Serdeable
public record SuppressionAdded(String suppressionId, String kind, @Nullable String email, @Nullable String emailHash,
                               @Nullable String domain, String reason, long version) { }
