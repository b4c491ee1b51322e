package dev.penguinmails.contacts.mx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.emulators.DnsRecord;
import dev.penguinmails.emulators.LocalDns;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The MX verdicts against a real DNS server on loopback (the local stack's), zone data per case. */
@Tag("integration")
class MailDomainsTest {
    private static LocalDns dns;

    @BeforeAll
    static void start() {
        dns = LocalDns.start();
        dns.publish("mx-ok.io", List.of(DnsRecord.mx("mx-ok.io", 10, "mail.mx-ok.io")));
        dns.publish("a-only.io", List.of(address("a-only.io")));
        dns.publish("null-mx.io", List.of(DnsRecord.mx("null-mx.io", 0, ".")));
        dns.publish("no-mail.io", List.of(DnsRecord.txt("no-mail.io", "v=spf1 -all")));
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    private static DnsRecord address(String name) {
        return new DnsRecord(name, DnsRecord.Type.A, DnsRecord.DEFAULT_TTL, List.of("192.0.2.10"), null);
    }

    private static MailDomains domains(String resolver) {
        return new MailDomains(new MailDomainSettings(List.of(resolver), Duration.ofMillis(500),
                new MailDomainSettings.Cache(Duration.ofHours(1), 1000)));
    }

    @Test
    void anMxOrAnAddressToFallBackOnReceivesMailANullMxOrNeitherDoesNotAndAMissingNameDoesNotExist() {
        MailDomains domains = domains(dns.resolverAddress());

        assertThat(domains.check("mx-ok.io")).isEqualTo(MailDomainVerdict.RECEIVES_MAIL);
        assertThat(domains.check("a-only.io")).isEqualTo(MailDomainVerdict.RECEIVES_MAIL);
        assertThat(domains.check("null-mx.io")).isEqualTo(MailDomainVerdict.NO_MAIL_SERVER);
        assertThat(domains.check("no-mail.io")).isEqualTo(MailDomainVerdict.NO_MAIL_SERVER);
        assertThat(domains.check("missing.mx-ok.io")).isEqualTo(MailDomainVerdict.NO_SUCH_DOMAIN);
    }

    @Test
    void anAnswerIsKeptSoTheDomainIsAskedOnce() {
        MailDomains domains = domains(dns.resolverAddress());
        dns.publish("changing.io", List.of(DnsRecord.mx("changing.io", 10, "mail.changing.io")));
        assertThat(domains.check("changing.io")).isEqualTo(MailDomainVerdict.RECEIVES_MAIL);

        dns.publish("changing.io", List.of(DnsRecord.txt("changing.io", "no mail here")));

        assertThat(domains.check("changing.io")).as("from the cache").isEqualTo(MailDomainVerdict.RECEIVES_MAIL);
        assertThat(domains(dns.resolverAddress()).check("changing.io")).as("asked afresh")
                .isEqualTo(MailDomainVerdict.NO_MAIL_SERVER);
    }

    @Test
    void aSilentResolverConcludesNothingAndTheNextAnswerIsAskedAgain() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            MailDomains domains = domains("127.0.0.1:" + silent.getLocalPort());

            assertThat(domains.check("mx-ok.io")).isEqualTo(MailDomainVerdict.UNKNOWN);
        }
        MailDomains refusing = domains(dns.resolverAddress());
        assertThat(refusing.check("outside-every-zone.io")).as("REFUSED").isEqualTo(MailDomainVerdict.UNKNOWN);
        dns.publish("outside-every-zone.io", List.of(DnsRecord.mx("outside-every-zone.io", 10, "mx.example.net")));
        assertThat(refusing.check("outside-every-zone.io")).as("not kept").isEqualTo(MailDomainVerdict.RECEIVES_MAIL);
    }
}
