package dev.penguinmails.shared.outbound;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where customer-supplied hosts may lead, bound from {@code penguinmails.outbound.*}.
 *
 * @param localTargets whether loopback and private addresses, any port and plain-text logins are allowed
 *                     ({@code local-targets}): only the local stack and tests set it, where the customers'
 *                     servers are GreenMail on 127.0.0.1
 */
@ConfigurationProperties("penguinmails.outbound")
public record OutboundSettings(@Bindable(defaultValue = "false") boolean localTargets) { }
