package dev.penguinmails.events.domains;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What sending needs to know of a domain, carried by every status event: whether it may send, the DKIM selector
 * to sign with and its private key sealed under the customer-secrets key (context: the workspace, purpose
 * {@code dkim-private-key}, owner {@code <domain>/<selector>}), and the return-path and tracking hosts.
 * Apply by {@code version}.
 */
@Serdeable
public record DomainState(String domain, String status, boolean eligibleForSending, String dkimSelector,
                          String dkimPrivateKeySealed, String returnPathDomain, String trackingDomain,
                          @Nullable String verifiedAt, long version) { }
