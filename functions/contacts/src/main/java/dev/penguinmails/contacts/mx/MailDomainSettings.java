package dev.penguinmails.contacts.mx;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * How imports ask whether a domain receives mail, bound from {@code penguinmails.dns.*} (the resolvers every
 * function is given; the local stack points them at its own DNS server) and {@code penguinmails.contacts.mx.*}.
 *
 * @param resolvers  {@code host:port} of each resolver ({@code penguinmails.dns.resolvers}); tried in turn
 * @param timeout    per query ({@code penguinmails.dns.timeout}, 2 s)
 * @param mx         the answer cache
 */
@ConfigurationProperties("penguinmails.dns")
public record MailDomainSettings(@Bindable(defaultValue = "1.1.1.1:53,8.8.8.8:53,9.9.9.9:53") List<String> resolvers,
                                 @Bindable(defaultValue = "2s") Duration timeout,
                                 Cache mx) {
    public MailDomainSettings {
        resolvers = resolvers.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (resolvers.isEmpty()) {
            throw new IllegalArgumentException("penguinmails.dns.resolvers names no resolver");
        }
    }

    /**
     * Bound from {@code penguinmails.contacts.mx.*}: a lead list names few domains many times, so each is asked once.
     *
     * @param ttl     how long an answer is kept ({@code ttl}, 1 hour); an answer that could not be had is not kept
     * @param maxSize domains kept per function instance ({@code max-size}, 100,000)
     */
    @ConfigurationProperties("penguinmails.contacts.mx")
    public record Cache(@Bindable(defaultValue = "1h") Duration ttl, @Bindable(defaultValue = "100000") long maxSize) { }
}
