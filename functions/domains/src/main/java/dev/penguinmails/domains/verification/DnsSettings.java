package dev.penguinmails.domains.verification;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * The resolvers domains are checked against, bound from {@code penguinmails.dns.*}: the first answers the full
 * checks, every one is asked for the key records to tell whether they have propagated. The local stack points
 * them at its own DNS server.
 *
 * @param resolvers   {@code host:port} of each resolver ({@code resolvers}; Cloudflare, Google and Quad9)
 * @param timeout     per query ({@code timeout}, 2 s), so a silent resolver costs seconds, never the request
 * @param parallelism domains checked at once by the scheduled job ({@code parallelism}, 8), so resolvers are not hammered
 */
@ConfigurationProperties("penguinmails.dns")
public record DnsSettings(@Bindable(defaultValue = "1.1.1.1:53,8.8.8.8:53,9.9.9.9:53") List<String> resolvers,
                          @Bindable(defaultValue = "2s") Duration timeout,
                          @Bindable(defaultValue = "8") int parallelism) {
    public DnsSettings {
        resolvers = resolvers.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (resolvers.isEmpty()) {
            throw new IllegalArgumentException("penguinmails.dns.resolvers names no resolver");
        }
    }
}
