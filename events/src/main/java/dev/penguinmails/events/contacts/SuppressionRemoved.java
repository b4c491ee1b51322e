package dev.penguinmails.events.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code suppression.removed}: the entry is gone; the address or domain may be mailed again. Apply by {@code version}. */
@Serdeable
public record SuppressionRemoved(String suppressionId, String kind, @Nullable String emailHash,
                                 @Nullable String domain, long version) { }
