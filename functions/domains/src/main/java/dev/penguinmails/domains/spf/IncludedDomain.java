package dev.penguinmails.domains.spf;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A domain whose SPF record the checked record reaches by {@code include} or {@code redirect}, at {@code depth}
 * (1 = named by the checked record). {@code result} is what the checked domain gets when a host passes that
 * domain's record, or null when such a host cannot match (e.g. {@code -include:}).
 */
@Serdeable
public record IncludedDomain(String domain, boolean redirect, int depth, Qualifier result) {
}
