package dev.penguinmails.domains.records;

import dev.penguinmails.domains.catalog.Domain;
import dev.penguinmails.domains.catalog.DomainSettings;
import dev.penguinmails.domains.dkim.DkimKey;
import dev.penguinmails.domains.dkim.DkimRecords;
import dev.penguinmails.domains.dmarc.DmarcChecker;
import dev.penguinmails.domains.dmarc.DmarcRecommendation;
import dev.penguinmails.domains.dmarc.DmarcReport;
import dev.penguinmails.domains.dns.DnsLookup;
import dev.penguinmails.domains.spf.SpfChecker;
import dev.penguinmails.domains.spf.SpfMergePlan;
import dev.penguinmails.domains.spf.SpfMergePlanner;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Everything a domain must publish, built against what DNS holds now: the SPF record merged with the existing one
 * (never a second record), one DKIM record per published selector, DMARC at {@code p=none} unless a policy applies
 * already, the custom MAIL FROM subdomain (MX and SPF) and the tracking CNAME.
 */
@Singleton
public class RecordSet {
    private final DomainSettings settings;

    RecordSet(DomainSettings settings) {
        this.settings = settings;
    }

    public List<PublishedRecord> of(Domain domain, DnsLookup dns) {
        long ttl = settings.ttlSeconds();
        String name = domain.name();
        List<PublishedRecord> records = new ArrayList<>();
        records.add(spf(name, dns, ttl));
        for (DkimKey key : domain.dkimKeys()) {
            records.add(new PublishedRecord("dkim", true, DkimRecords.record(key.selector(), name, publicKey(key), ttl), null));
        }
        records.add(dmarc(name, dns, ttl));
        String returnPath = returnPathDomain(name);
        records.add(new PublishedRecord("return-path-mx", true, DnsRecord.mx(returnPath, ttl, 10, settings.returnPathHost()),
                "Bounces come back to this subdomain (the envelope sender), keeping them off your inbox."));
        records.add(new PublishedRecord("return-path-spf", true,
                DnsRecord.txt(returnPath, ttl, "v=spf1 include:" + settings.spfInclude() + " ~all"), null));
        records.add(new PublishedRecord("tracking", false, DnsRecord.cname(trackingDomain(name), ttl, settings.trackingHost()),
                "Open and click tracking links use your own domain instead of a shared one."));
        if (settings.replyMx() != null && !settings.replyMx().isBlank()) {
            records.add(new PublishedRecord("reply-mx", false, DnsRecord.mx(name, ttl, 10, settings.replyMx()),
                    "Only if replies to this domain should come to PenguinMails rather than to your mailbox provider."));
        }
        return records;
    }

    public String returnPathDomain(String domain) {
        return settings.returnPathLabel() + "." + domain;
    }

    public String trackingDomain(String domain) {
        return settings.trackingLabel() + "." + domain;
    }

    private PublishedRecord spf(String domain, DnsLookup dns, long ttl) {
        SpfMergePlan plan = new SpfMergePlanner(new SpfChecker(dns)).plan(domain, settings.spfInclude());
        String fresh = "v=spf1 include:" + settings.spfInclude() + " ~all";
        return switch (plan.outcome()) {
            case CREATE -> new PublishedRecord("spf", true, DnsRecord.txt(domain, ttl, plan.record()), null);
            case UPDATE -> new PublishedRecord("spf", true, DnsRecord.txt(domain, ttl, plan.record()),
                    "Replace your SPF record \"" + plan.currentRecord() + "\" with this one: a domain must have exactly one."
                            + (plan.exceedsLookupLimit() ? " Warning: it would need " + plan.lookupsAfter()
                            + " DNS lookups, over SPF's limit of 10; remove includes you no longer use." : ""));
            case ALREADY_PRESENT -> new PublishedRecord("spf", true, DnsRecord.txt(domain, ttl, plan.currentRecord()),
                    "Already published: your SPF record authorises PenguinMails.");
            case BLOCKED -> new PublishedRecord("spf", true, DnsRecord.txt(domain, ttl, fresh),
                    "Your current SPF setup must be fixed first: " + plan.reason()
                            + ". Then merge include:" + settings.spfInclude() + " into your one SPF record.");
        };
    }

    private PublishedRecord dmarc(String domain, DnsLookup dns, long ttl) {
        String recommended = DmarcRecommendation.startingRecord(settings.dmarcReports());
        DnsRecord record = DnsRecord.txt(DmarcChecker.recordName(domain), ttl, recommended);
        DmarcReport current = new DmarcChecker(dns).check(domain);
        if (current.isValid()) {
            return new PublishedRecord("dmarc", true, DnsRecord.txt(current.recordName(), ttl, current.text()),
                    "A DMARC policy applies already (at " + current.recordName() + "); keep it.");
        }
        return new PublishedRecord("dmarc", true, record, "Start at p=none and move to quarantine, then reject, as "
                + "reports show every legitimate sender passing (see dmarcRollout).");
    }

    public static RSAPublicKey publicKey(DkimKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKey())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored DKIM public key does not parse", e);
        }
    }
}
