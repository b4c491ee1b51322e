package dev.penguinmails.contacts.suppression;

import dev.penguinmails.contacts.model.EmailAddress;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;
import java.util.Locale;

/**
 * Platform-wide suppressions, bound from {@code penguinmails.suppression.*}: addresses and domains no workspace
 * may mail (spam traps, role accounts of our own, domains whose owners asked us to stop). Operators set them in
 * the contacts function's configuration ({@code application.properties}, or its environment, e.g.
 * {@code PENGUINMAILS_SUPPRESSION_PLATFORM_DOMAINS}); there is no API for them, so no customer can change them. Each
 * is normalised like a contact's address; a bad one stops startup.
 *
 * @param platformEmails  addresses ({@code platform-emails})
 * @param platformDomains domains, matching their subdomains too ({@code platform-domains})
 */
@ConfigurationProperties("penguinmails.suppression")
public record SuppressionSettings(@Bindable(defaultValue = "") List<String> platformEmails,
                                  @Bindable(defaultValue = "") List<String> platformDomains) {
    public SuppressionSettings {
        platformEmails = platformEmails == null ? List.of() : platformEmails.stream().filter(s -> !s.isBlank())
                .map(e -> EmailAddress.parse(e).key()).toList();
        platformDomains = platformDomains == null ? List.of() : platformDomains.stream().filter(s -> !s.isBlank())
                .map(EmailAddress::asciiDomain).map(d -> d.toLowerCase(Locale.ROOT)).toList();
    }
}
