package dev.penguinmails.domains.catalog;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * What the record sets point at and which names are refused, bound from {@code penguinmails.domains.*}.
 *
 * @param spfInclude       the SPF include that authorises our sending hosts ({@code spf-include})
 * @param dmarcReports     where aggregate DMARC reports go, {@code rua} ({@code dmarc-reports})
 * @param returnPathHost   the MX of the custom MAIL FROM subdomain, which receives bounces ({@code return-path-host})
 * @param returnPathLabel  the label of that subdomain ({@code return-path-label}, {@code bounces})
 * @param trackingHost     the CNAME target of the custom tracking domain ({@code tracking-host})
 * @param trackingLabel    the label of the tracking domain ({@code tracking-label}, {@code track})
 * @param replyMx          the MX that receives replies, if replies come to us ({@code reply-mx}; none by default)
 * @param reserved         our own domains, which no customer may add ({@code reserved})
 * @param privateSuffixes  suffixes treated as public besides the Public Suffix List, e.g. {@code test} locally
 * @param ttlSeconds       the TTL we suggest for the records ({@code ttl-seconds}, 3600)
 * @param reverifyAfter    how old a domain's last check is before the hourly job checks it again ({@code reverify-after}, 24h)
 * @param reverifyBudget   how long one run of that job works ({@code reverify-budget}, 100 s, within the 120 s timeout)
 * @param dkimOverlap      how long a replaced DKIM key stays published for mail in flight ({@code dkim-overlap}, 7 days)
 */
@ConfigurationProperties("penguinmails.domains")
public record DomainSettings(@Bindable(defaultValue = "_spf.penguinmails.dev") String spfInclude,
                             @Bindable(defaultValue = "dmarc-reports@penguinmails.dev") String dmarcReports,
                             @Bindable(defaultValue = "feedback.penguinmails.dev") String returnPathHost,
                             @Bindable(defaultValue = "bounces") String returnPathLabel,
                             @Bindable(defaultValue = "track.penguinmails.dev") String trackingHost,
                             @Bindable(defaultValue = "track") String trackingLabel,
                             @Nullable String replyMx,
                             @Bindable(defaultValue = "penguinmails.dev") List<String> reserved,
                             @Bindable(defaultValue = "") List<String> privateSuffixes,
                             @Bindable(defaultValue = "3600") int ttlSeconds,
                             @Bindable(defaultValue = "24h") java.time.Duration reverifyAfter,
                             @Bindable(defaultValue = "100s") java.time.Duration reverifyBudget,
                             @Bindable(defaultValue = "7d") java.time.Duration dkimOverlap) {

    public DomainSettings {
        reserved = reserved == null ? List.of() : reserved.stream().filter(s -> !s.isBlank()).toList();
        privateSuffixes = privateSuffixes == null ? List.of() : privateSuffixes.stream().filter(s -> !s.isBlank()).toList();
    }
}
