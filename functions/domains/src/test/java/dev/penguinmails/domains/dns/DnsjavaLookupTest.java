package dev.penguinmails.domains.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class DnsjavaLookupTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @Test
    void closedPortAnswersErrorWithinTheTimeout() throws Exception {
        int closedPort;
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DnsjavaLookup lookup = DnsjavaLookup.of("127.0.0.1:" + closedPort, TIMEOUT);

        long started = System.nanoTime();
        DnsAnswer<TxtRecord> answer = lookup.txt("shop.example");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.status()).isEqualTo(DnsStatus.ERROR);
        assertThat(answer.error()).isNotBlank();
        assertThat(took).isLessThan(TIMEOUT.plusSeconds(2));
        assertThat(lookup.queryCount()).isEqualTo(1);
    }

    @Test
    void silentResolverTimesOutAsErrorAndTheNextResolverIsTried() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket alsoSilent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            DnsjavaLookup lookup = new DnsjavaLookup(List.of("127.0.0.1:" + silent.getLocalPort(),
                    "127.0.0.1:" + alsoSilent.getLocalPort()), TIMEOUT);

            long started = System.nanoTime();
            DnsAnswer<MxRecord> answer = lookup.mx("shop.example");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(answer.status()).isEqualTo(DnsStatus.ERROR);
            assertThat(lookup.queryCount()).isEqualTo(2);
            assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.multipliedBy(2).plusSeconds(2));
            assertThat(lookup.perResolver()).hasSize(2).allSatisfy(one -> assertThat(one.resolvers()).hasSize(1));
        }
    }

    @Test
    void resolverAddressesAreValidated() {
        assertThatThrownBy(() -> DnsjavaLookup.of("127.0.0.1:notaport", TIMEOUT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DnsjavaLookup(List.of(), TIMEOUT)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DnsjavaLookup.of("127.0.0.1", TIMEOUT).resolvers()).containsExactly("127.0.0.1");
        assertThat(DnsjavaLookup.of("[::1]:5353", TIMEOUT).resolvers()).containsExactly("[::1]:5353");
    }

    @Test
    void responseCodesMapToStatuses() throws Exception {
        assertThat(DnsjavaLookup.answer(response(Rcode.NXDOMAIN), Type.TXT, DnsjavaLookup.TXT_DATA, "t").status())
                .isEqualTo(DnsStatus.NXDOMAIN);
        assertThat(DnsjavaLookup.answer(response(Rcode.NOERROR), Type.TXT, DnsjavaLookup.TXT_DATA, "t").status())
                .isEqualTo(DnsStatus.NODATA);
        DnsAnswer<TxtRecord> refused = DnsjavaLookup.answer(response(Rcode.REFUSED), Type.TXT, DnsjavaLookup.TXT_DATA, "t");
        assertThat(refused.status()).isEqualTo(DnsStatus.ERROR);
        assertThat(refused.error()).contains("REFUSED");
        assertThat(DnsjavaLookup.answer(response(Rcode.SERVFAIL), Type.TXT, DnsjavaLookup.TXT_DATA, "t").status())
                .isEqualTo(DnsStatus.ERROR);
    }

    @Test
    void txtStringsAreKeptApartAndCnameChainsAreSkipped() throws Exception {
        Name alias = Name.fromString("s._domainkey.shop.example.");
        Name target = Name.fromString("s.dkim.esp.example.");
        Message message = response(Rcode.NOERROR);
        message.addRecord(new CNAMERecord(alias, DClass.IN, 300, target), Section.ANSWER);
        message.addRecord(new TXTRecord(target, DClass.IN, 300, List.of("v=DKIM1; p=abc", "def \"quoted\"")), Section.ANSWER);

        DnsAnswer<TxtRecord> answer = DnsjavaLookup.answer(message, Type.TXT, DnsjavaLookup.TXT_DATA, "t");
        DnsAnswer<String> cname = DnsjavaLookup.answer(message, Type.CNAME, DnsjavaLookup.CNAME_DATA, "t");

        assertThat(answer.records()).singleElement().satisfies(txt -> {
            assertThat(txt.strings()).containsExactly("v=DKIM1; p=abc", "def \"quoted\"");
            assertThat(txt.joined()).isEqualTo("v=DKIM1; p=abcdef \"quoted\"");
        });
        assertThat(cname.records()).containsExactly("s.dkim.esp.example");
    }

    private static Message response(int rcode) throws Exception {
        Message message = Message.newQuery(Record.newRecord(Name.fromString("shop.example."), Type.TXT, DClass.IN));
        message.getHeader().setRcode(rcode);
        return message;
    }
}
