package dev.penguinmails.contacts.mx;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.util.List;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks DNS whether a domain receives mail, with dnsjava over the configured resolvers, and keeps each answer for
 * a while: imports check every row's domain, and a list names the same few domains over and over.
 */
@Singleton
public class MailDomains {
    private final Resolver resolver;
    private final Cache<String, MailDomainVerdict> answers;

    public MailDomains(MailDomainSettings settings) {
        List<Resolver> each = settings.resolvers().stream().map(MailDomains::resolver).toList();
        ExtendedResolver all = new ExtendedResolver(each);
        all.setTimeout(settings.timeout());
        all.setRetries(1);
        this.resolver = all;
        this.answers = Caffeine.newBuilder().maximumSize(settings.mx().maxSize())
                .expireAfterWrite(settings.mx().ttl()).build();
    }

    /** The verdict on {@code domain} (an ASCII, lower-case domain as contacts store it). */
    public MailDomainVerdict check(String domain) {
        MailDomainVerdict known = answers.getIfPresent(domain);
        if (known != null) {
            return known;
        }
        MailDomainVerdict verdict = ask(domain);
        if (verdict != MailDomainVerdict.UNKNOWN) {
            answers.put(domain, verdict);
        }
        return verdict;
    }

    private MailDomainVerdict ask(String domain) {
        Lookup mx = lookup(domain, Type.MX);
        if (mx == null) {
            return MailDomainVerdict.NO_SUCH_DOMAIN;
        }
        Record[] records = mx.run();
        switch (mx.getResult()) {
            case Lookup.SUCCESSFUL:
                return nullMx(records) ? MailDomainVerdict.NO_MAIL_SERVER : MailDomainVerdict.RECEIVES_MAIL;
            case Lookup.HOST_NOT_FOUND:
                return MailDomainVerdict.NO_SUCH_DOMAIN;
            case Lookup.TYPE_NOT_FOUND:
                return fallsBackToAddress(domain);
            default:
                return MailDomainVerdict.UNKNOWN;
        }
    }

    /** RFC 5321 §5.1: without MX records, the domain's own address takes the mail. */
    private MailDomainVerdict fallsBackToAddress(String domain) {
        boolean unknown = false;
        for (int type : new int[] {Type.A, Type.AAAA}) {
            Lookup address = lookup(domain, type);
            address.run();
            if (address.getResult() == Lookup.SUCCESSFUL) {
                return MailDomainVerdict.RECEIVES_MAIL;
            }
            unknown |= address.getResult() == Lookup.TRY_AGAIN || address.getResult() == Lookup.UNRECOVERABLE;
        }
        return unknown ? MailDomainVerdict.UNKNOWN : MailDomainVerdict.NO_MAIL_SERVER;
    }

    /** RFC 7505: a single MX of preference 0 pointing at the root says the domain takes no mail. */
    private static boolean nullMx(Record[] records) {
        return records.length == 1 && records[0] instanceof MXRecord only && only.getTarget().equals(Name.root);
    }

    private Lookup lookup(String domain, int type) {
        try {
            Lookup lookup = new Lookup(Name.fromString(domain.endsWith(".") ? domain : domain + "."), type);
            lookup.setResolver(resolver);
            lookup.setCache(null); // answers are cached above, per verdict, with our own lifetime
            return lookup;
        } catch (TextParseException e) {
            return null;
        }
    }

    private static Resolver resolver(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port = colon < 0 ? 53 : Integer.parseInt(hostPort.substring(colon + 1));
        return new SimpleResolver(new InetSocketAddress(host, port));
    }
}
