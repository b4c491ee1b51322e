package dev.penguinmails.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** LocalDns answers dnsjava, the resolver the domain checks use, as an authoritative server would. */
@Tag("integration")
class LocalDnsTest {
    private static LocalDns dns;

    @BeforeAll
    static void start() {
        dns = LocalDns.start();
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void aTxtRecordKeepsEachOfItsCharacterStrings() throws Exception {
        dns.publish("txt.test", List.of(DnsRecord.txt("txt.test", "v=spf1 include:_spf.penguinmails.dev ", "~all")));

        Record[] found = lookup("txt.test.", Type.TXT);

        assertThat(found).hasSize(1);
        assertThat(((TXTRecord) found[0]).getStrings())
                .containsExactly("v=spf1 include:_spf.penguinmails.dev ", "~all");
    }

    @Test
    void mxRecordsCarryTheirPriorityAndExchange() throws Exception {
        dns.publish("mx.test", List.of(DnsRecord.mx("mx.test", 10, "mx1.mx.test"),
                DnsRecord.mx("MX.test.", 20, "backup.example.net")));

        List<String> mx = Arrays.stream(lookup("mx.test.", Type.MX)).map(r -> (MXRecord) r)
                .map(r -> r.getPriority() + " " + r.getTarget()).sorted().toList();

        assertThat(mx).containsExactly("10 mx1.mx.test.", "20 backup.example.net.");
    }

    @Test
    void aCnameIsAnsweredAndFollowedInsideTheZone() throws Exception {
        dns.publish("alias.test", List.of(DnsRecord.cname("track.alias.test", "edge.alias.test"),
                DnsRecord.a("edge.alias.test", "192.0.2.10")));

        Message response = query("track.alias.test.", Type.A, false);
        Record[] cname = lookup("track.alias.test.", Type.CNAME);

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(response.getSection(Section.ANSWER)).extracting(Record::getType).containsExactly(Type.CNAME, Type.A);
        assertThat(response.getSection(Section.ANSWER).get(1).rdataToString()).isEqualTo("192.0.2.10");
        assertThat(((CNAMERecord) cname[0]).getTarget()).isEqualTo(Name.fromString("edge.alias.test."));
    }

    @Test
    void aMissingNameIsNxdomainButAMissingTypeIsNoDataAndAnUnknownZoneIsRefused() throws Exception {
        dns.publish("neg.test", List.of(DnsRecord.a("host.deep.neg.test", "192.0.2.20")));

        assertThat(lookupResult("nobody.neg.test.", Type.TXT)).isEqualTo(Lookup.HOST_NOT_FOUND);
        assertThat(lookupResult("host.deep.neg.test.", Type.TXT)).isEqualTo(Lookup.TYPE_NOT_FOUND);
        assertThat(lookupResult("deep.neg.test.", Type.A)).as("an empty non-terminal exists").isEqualTo(Lookup.TYPE_NOT_FOUND);
        assertThat(query("nobody.neg.test.", Type.TXT, false).getSection(Section.AUTHORITY))
                .as("negative answers carry the zone's SOA").extracting(Record::getType).containsExactly(Type.SOA);
        assertThat(query("neg.test.", Type.SOA, false).getRcode()).isEqualTo(Rcode.NOERROR);
        Message unknown = query("example.com.", Type.TXT, false);
        assertThat(unknown.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(unknown.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void aDkimSizedTxtRecordArrivesIntactOverUdpWithEdnsAndOverTcpAfterTruncation() throws Exception {
        String key = "v=DKIM1; k=rsa; p=" + "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA".repeat(10);
        String first = key.substring(0, 255);
        String second = key.substring(255);
        dns.publish("dkim.test", List.of(DnsRecord.txt("pm1._domainkey.dkim.test", first, second)));

        SimpleResolver plainUdp = resolver();
        plainUdp.setEDNS(-1);
        plainUdp.setIgnoreTruncation(true);
        Message truncated = plainUdp.send(Message.newQuery(Record.newRecord(
                Name.fromString("pm1._domainkey.dkim.test."), Type.TXT, DClass.IN)));
        Record[] found = lookup("pm1._domainkey.dkim.test.", Type.TXT);
        Message overTcp = query("pm1._domainkey.dkim.test.", Type.TXT, true);

        assertThat(key.length()).isGreaterThan(440);
        assertThat(truncated.getHeader().getFlag(Flags.TC)).as("a 512-byte UDP answer cannot hold it").isTrue();
        assertThat(((TXTRecord) found[0]).getStrings()).containsExactly(first, second);
        assertThat(((TXTRecord) overTcp.getSection(Section.ANSWER).get(0)).getStrings()).containsExactly(first, second);
    }

    @Test
    void publishingAZoneAgainReplacesItsRecordsAndRemovingItMakesItUnknown() throws Exception {
        dns.publish("swap.test", List.of(DnsRecord.txt("old.swap.test", "before")));
        List<DnsRecord> replacement = List.of(DnsRecord.txt("new.swap.test", "after").withTtl(60));
        dns.publish("swap.test", replacement);

        assertThat(lookupResult("old.swap.test.", Type.TXT)).isEqualTo(Lookup.HOST_NOT_FOUND);
        assertThat(((TXTRecord) lookup("new.swap.test.", Type.TXT)[0]).getStrings()).containsExactly("after");
        assertThat(dns.records("swap.test")).contains(replacement);

        assertThat(dns.remove("swap.test")).isTrue();
        assertThat(dns.remove("swap.test")).isFalse();
        assertThat(dns.records("swap.test")).isEmpty();
        assertThat(query("new.swap.test.", Type.TXT, false).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void recordsOutsideTheirZoneAreRefusedWithTheReason() {
        assertThatThrownBy(() -> dns.publish("inside.test", List.of(DnsRecord.a("elsewhere.test", "192.0.2.1"))))
                .isInstanceOf(EmulatorException.class).hasMessageContaining("not inside the zone inside.test.");
        assertThatThrownBy(() -> DnsRecord.txt("long.test", "x".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("over 255 bytes");
    }

    @Test
    void aFixedPortServesUdpAndTcpAndClosingEndsTheProcess() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = probe.getLocalPort();
        }
        LocalDns fixed = LocalDns.start(NodeRuntime.locate(), port);
        long pid = fixed.pid();
        try {
            fixed.publish("fixed.test", List.of(DnsRecord.a("fixed.test", "192.0.2.30")));
            assertThat(fixed.port()).isEqualTo(port);
            assertThat(fixed.resolverAddress()).isEqualTo("127.0.0.1:" + port);
            for (boolean tcp : new boolean[] {false, true}) {
                SimpleResolver resolver = new SimpleResolver(InetAddress.getLoopbackAddress());
                resolver.setPort(port);
                resolver.setTCP(tcp);
                Message response = resolver.send(Message.newQuery(Record.newRecord(Name.fromString("fixed.test."),
                        Type.A, DClass.IN)));
                assertThat(response.getSection(Section.ANSWER)).as("tcp=%s", tcp).hasSize(1);
            }
        } finally {
            fixed.close();
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(EmulatorPorts.isFree(port)).isTrue();
    }

    private static Record[] lookup(String name, int type) throws Exception {
        Lookup lookup = newLookup(name, type);
        Record[] records = lookup.run();
        assertThat(lookup.getResult()).as("%s %s: %s", name, Type.string(type), lookup.getErrorString())
                .isEqualTo(Lookup.SUCCESSFUL);
        return records;
    }

    private static int lookupResult(String name, int type) throws Exception {
        Lookup lookup = newLookup(name, type);
        lookup.run();
        return lookup.getResult();
    }

    private static Lookup newLookup(String name, int type) throws Exception {
        Lookup lookup = new Lookup(Name.fromString(name), type);
        lookup.setResolver(resolver());
        lookup.setCache(null);
        return lookup;
    }

    private static Message query(String name, int type, boolean tcp) throws Exception {
        SimpleResolver resolver = resolver();
        resolver.setTCP(tcp);
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    private static SimpleResolver resolver() throws Exception {
        SimpleResolver resolver = new SimpleResolver(InetAddress.getLoopbackAddress());
        resolver.setPort(dns.port());
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver;
    }
}
