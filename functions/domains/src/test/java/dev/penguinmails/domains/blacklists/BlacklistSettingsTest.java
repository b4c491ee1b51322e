package dev.penguinmails.domains.blacklists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.net.InetAddresses;
import dev.penguinmails.testsupport.config.ConfigurationRecords;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code penguinmails.blacklists.*}, how refused answers are told, and the names lists are asked at. */
class BlacklistSettingsTest {

    @Test
    void defaults() {
        BlacklistSettings s = ConfigurationRecords.bind(BlacklistSettings.class);

        assertThat(s.ipZones()).containsExactly("zen.spamhaus.org", "b.barracudacentral.org", "bl.spamcop.net");
        assertThat(s.domainZones()).containsExactly("dbl.spamhaus.org", "multi.surbl.org");
        assertThat(s.sendingIps()).isEmpty();
        assertThat(s.resolvers()).isEmpty();
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.budget()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.parallelism()).isEqualTo(4);
        assertThat(s.maxAddresses()).isEqualTo(20);
        assertThat(s.checkAfter()).isEqualTo(Duration.ofHours(6));
        assertThat(s.cacheFor()).isEqualTo(Duration.ofMinutes(30));
        RefusedCodes refused = s.refused();
        assertThat(refused.meansUnknown("zen.spamhaus.org", ip("127.255.255.254"))).isTrue();
        assertThat(refused.meansUnknown("zen.spamhaus.org", ip("127.0.0.2"))).isFalse();
        assertThat(refused.meansUnknown("dbl.spamhaus.org", ip("127.0.1.255"))).isTrue();
        assertThat(refused.meansUnknown("DBL.spamhaus.org.", ip("127.0.1.2"))).isFalse();
        assertThat(refused.meansUnknown("multi.surbl.org", ip("127.0.0.1"))).isTrue();
        assertThat(refused.meansUnknown("bl.spamcop.net", ip("127.0.0.1"))).isFalse();
    }

    @Test
    void overridesBindUnderTheKeysTheDocsName() {
        BlacklistSettings s = ConfigurationRecords.bind(BlacklistSettings.class, Map.of(
                "penguinmails.blacklists.ip-zones", "bl.example.test",
                "penguinmails.blacklists.domain-zones", "",
                "penguinmails.blacklists.sending-ips", "192.0.2.1, 2001:db8::1",
                "penguinmails.blacklists.refused-codes", "127.0.0.0/30,bl.example.test=127.0.0.9",
                "penguinmails.blacklists.resolvers", "10.0.0.2:53",
                "penguinmails.blacklists.check-after", "1h"));

        assertThat(s.ipZones()).containsExactly("bl.example.test");
        assertThat(s.domainZones()).isEmpty();
        assertThat(s.sendingIps()).containsExactly("192.0.2.1", "2001:db8::1");
        assertThat(s.resolvers()).containsExactly("10.0.0.2:53");
        assertThat(s.checkAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(s.refused().meansUnknown("other.test", ip("127.0.0.2"))).isTrue();
        assertThat(s.refused().meansUnknown("other.test", ip("127.0.0.9"))).isFalse();
        assertThat(s.refused().meansUnknown("bl.example.test", ip("127.0.0.9"))).isTrue();
        assertThat(s.refused().meansUnknown("other.test", ip("127.255.255.254"))).isFalse();
    }

    @Test
    void anAnswerOutsideLoopbackIsNeverAListing() {
        RefusedCodes none = RefusedCodes.parse(List.of());

        assertThat(none.meansUnknown("zen.spamhaus.org", ip("192.0.2.200"))).isTrue();
        assertThat(none.meansUnknown("zen.spamhaus.org", ip("::1"))).isTrue();
        assertThat(none.meansUnknown("zen.spamhaus.org", ip("127.0.0.2"))).isFalse();
    }

    @Test
    void badAddressesAndRulesStopTheFunction() {
        assertThatThrownBy(() -> settings(List.of("mail.example.com"), List.of()))
                .hasMessageContaining("'mail.example.com' is not an IP address");
        assertThatThrownBy(() -> settings(List.of(), List.of("zen.spamhaus.org=refused")))
                .hasMessageContaining("refused-codes: 'zen.spamhaus.org=refused'");
        assertThatThrownBy(() -> new BlacklistSettings(List.of(), List.of(), List.of(), List.of(), List.of(),
                Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 1, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("parallelism");
    }

    @Test
    void listsAreAskedAtReversedOctetsAndNibbles() {
        assertThat(DnsblNames.forAddress(ip("192.0.2.1"), "zen.spamhaus.org")).isEqualTo("1.2.0.192.zen.spamhaus.org");
        assertThat(DnsblNames.forAddress(ip("2001:db8:1:2::ab"), "zen.spamhaus.org")).isEqualTo(
                "b.a.0.0.0.0.0.0.0.0.0.0.0.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.zen.spamhaus.org");
        assertThat(DnsblNames.forDomain("acme.com", "dbl.spamhaus.org")).isEqualTo("acme.com.dbl.spamhaus.org");
    }

    private static BlacklistSettings settings(List<String> ips, List<String> refused) {
        return new BlacklistSettings(List.of(), List.of(), ips, refused, List.of(), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1, 1, Duration.ZERO, Duration.ZERO);
    }

    private static java.net.InetAddress ip(String text) {
        return InetAddresses.forString(text);
    }
}
