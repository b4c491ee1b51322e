package dev.penguinmails.domains.blacklists;

import dev.penguinmails.domains.catalog.Domain;
import dev.penguinmails.domains.dns.DnsAnswer;
import dev.penguinmails.domains.dns.DnsLookup;
import dev.penguinmails.domains.dns.DnsStatus;
import dev.penguinmails.domains.dns.TxtRecord;
import dev.penguinmails.domains.spf.MechanismKind;
import dev.penguinmails.domains.spf.Qualifier;
import dev.penguinmails.domains.spf.SpfParser;
import dev.penguinmails.domains.spf.SpfRecord;
import dev.penguinmails.domains.spf.SpfSyntaxException;
import dev.penguinmails.domains.spf.SpfTerm.Mechanism;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The hosts named directly ({@code ip4:}/{@code ip6:} with a pass) in the domain's own SPF record: the customer's
 * other senders. Ranges are reported, not walked address by address, and includes are not followed: they name
 * providers' networks (ours among them), whose reputation is theirs to watch.
 */
@Singleton
class SpfSendingAddresses implements SendingAddresses {

    @Override
    public Found find(Domain domain, DnsLookup dns) {
        DnsAnswer<TxtRecord> answer = dns.txt(domain.name());
        if (answer.status() == DnsStatus.ERROR) {
            return new Found(List.of(), List.of("the SPF record of " + domain.name() + " (DNS did not answer)"));
        }
        List<String> spf = answer.records().stream().map(TxtRecord::joined).filter(SpfRecord::isSpf).toList();
        if (spf.size() != 1) {
            return new Found(List.of(), List.of());
        }
        SpfRecord record;
        try {
            record = SpfParser.parse(spf.get(0));
        } catch (SpfSyntaxException e) {
            return new Found(List.of(), List.of("the SPF record of " + domain.name() + " (it does not parse)"));
        }
        List<SendingAddress> hosts = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        for (Mechanism m : record.effectiveMechanisms()) {
            if ((m.kind() != MechanismKind.IP4 && m.kind() != MechanismKind.IP6) || m.qualifier() != Qualifier.PASS) {
                continue;
            }
            if (m.network().prefixLength() == m.network().address().getAddress().length * 8) {
                hosts.add(new SendingAddress(m.network().address(), "spf"));
            } else {
                ranges.add(m.kind().label() + ":" + m.network() + " in the SPF record (a range: not checked address by address)");
            }
        }
        return new Found(hosts, ranges);
    }
}
