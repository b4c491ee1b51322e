package dev.penguinmails.contacts.suppression;

import dev.penguinmails.contacts.model.EmailAddress;
import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether an address may be mailed from a workspace: not if the platform's configuration suppresses it or its
 * domain (or a parent domain), nor if the workspace has an entry for the address (by hash, so entries that kept
 * only the hash still match) or for its domain or a parent domain. One batch of key reads, for one address or
 * for a batch of an import's rows. Imports ask it for every row;
 * sending will ask its own copy, kept from {@code suppression.*} events, the same questions.
 */
@Singleton
public class SuppressionCheck {
    private final SuppressionStore store;
    private final SuppressionSettings settings;

    SuppressionCheck(SuppressionStore store, SuppressionSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** Whether {@code email} (normalised here) is suppressed for the workspace. */
    public boolean isSuppressed(TenantContext tenant, String email) {
        return !matches(tenant, EmailAddress.parse(email)).isEmpty();
    }

    /** Every entry that suppresses {@code email}: platform ones first. */
    public List<Match> matches(TenantContext tenant, EmailAddress email) {
        return matchesAll(tenant, List.of(email)).get(email.key());
    }

    /**
     * {@link #matches} for many addresses with one read of the workspace's entries (BatchGetItem of up to 100 keys
     * a call, the domains they share read once): what an import asks for a batch of rows.
     *
     * @return address key → its matches (empty when it may be mailed), for every address given
     */
    public Map<String, List<Match>> matchesAll(TenantContext tenant, Collection<EmailAddress> emails) {
        Map<String, List<String>> idsByKey = new LinkedHashMap<>();
        Map<String, EmailAddress> byKey = new LinkedHashMap<>();
        for (EmailAddress email : emails) {
            if (byKey.putIfAbsent(email.key(), email) == null) {
                List<String> ids = new ArrayList<>();
                ids.add(Suppression.emailId(EmailHashes.of(tenant.workspaceId(), email.address())));
                domainAndParents(email.domain()).forEach(d -> ids.add(Suppression.domainId(d)));
                idsByKey.put(email.key(), ids);
            }
        }
        Map<String, Suppression> live = new HashMap<>();
        store.live(tenant, idsByKey.values().stream().flatMap(List::stream).toList()).forEach(s -> live.put(s.id(), s));
        Map<String, List<Match>> all = new HashMap<>();
        byKey.forEach((key, email) -> {
            List<Match> matches = new ArrayList<>();
            List<String> domains = domainAndParents(email.domain());
            if (settings.platformEmails().contains(email.key())) {
                matches.add(new Match(Scope.PLATFORM, Suppression.Kind.EMAIL, null, null));
            }
            domains.stream().filter(settings.platformDomains()::contains)
                    .forEach(d -> matches.add(new Match(Scope.PLATFORM, Suppression.Kind.DOMAIN, d, null)));
            // The address's own entry first, then its domain's and the parents', as the ids were listed.
            idsByKey.get(key).stream().map(live::get).filter(Objects::nonNull)
                    .forEach(s -> matches.add(new Match(Scope.WORKSPACE, s.kind(), s.domain(), s)));
            all.put(key, matches);
        });
        return all;
    }

    /** {@code a.b.acme.com}, {@code b.acme.com}, {@code acme.com}: every name of two labels or more it is under. */
    static List<String> domainAndParents(String domain) {
        List<String> names = new ArrayList<>();
        String name = domain;
        while (name.indexOf('.') > 0) {
            names.add(name);
            name = name.substring(name.indexOf('.') + 1);
        }
        return names;
    }

    /** Where a match comes from. */
    public enum Scope {
        WORKSPACE, PLATFORM
    }

    /**
     * One entry that suppresses an address.
     *
     * @param domain the domain entry that matched (the address's domain or a parent); null for address entries
     * @param entry  the workspace's entry; null for platform entries, which are configuration
     */
    public record Match(Scope scope, Suppression.Kind kind, @Nullable String domain, @Nullable Suppression entry) { }
}
