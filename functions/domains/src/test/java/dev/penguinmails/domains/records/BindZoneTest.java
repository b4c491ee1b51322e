package dev.penguinmails.domains.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BindZoneTest {

    @Test
    void rendersRelativeOwnersWithTtlClassAndType() {
        String zone = BindZone.render(List.of(
                DnsRecord.txt("shop.example", 3600, "v=spf1 include:_spf.penguinmails.example ~all"),
                DnsRecord.mx("shop.example", 300, 10, "mx1.penguinmails.example"),
                DnsRecord.cname("track.shop.example", 3600, "track.penguinmails.example."),
                DnsRecord.txt("_dmarc.other.example", 3600, "v=DMARC1; p=none")), "shop.example.");

        assertThat(zone.lines()).containsExactly(
                "@\t3600\tIN\tTXT\t\"v=spf1 include:_spf.penguinmails.example ~all\"",
                "@\t300\tIN\tMX\t10 mx1.penguinmails.example.",
                "track\t3600\tIN\tCNAME\ttrack.penguinmails.example.",
                "_dmarc.other.example.\t3600\tIN\tTXT\t\"v=DMARC1; p=none\"");
    }

    @Test
    void withoutOriginOwnersAreFullyQualified() {
        String zone = BindZone.render(List.of(DnsRecord.cname("track.shop.example", 60, "t.example")), null);

        assertThat(zone).isEqualTo("track.shop.example.\t60\tIN\tCNAME\tt.example.\n");
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        String zone = BindZone.render(List.of(DnsRecord.txt("x.example", 60, "say \"hi\" \\o/ é")), null);

        assertThat(zone).isEqualTo("x.example.\t60\tIN\tTXT\t\"say \\\"hi\\\" \\\\o/ \\195\\169\"\n");
    }

    @Test
    void longTxtBecomesSeveralQuotedStringsInParentheses() {
        String value = "v=DKIM1; k=rsa; p=" + "A".repeat(400);
        DnsRecord record = DnsRecord.txt("pm._domainkey.shop.example", 3600, value);

        String zone = BindZone.render(List.of(record), "shop.example");

        assertThat(zone).startsWith("pm._domainkey\t3600\tIN\tTXT\t(\n\t\t\"").endsWith("\" )\n");
        List<String> quoted = zone.lines().skip(1).map(l -> l.strip().replace(" )", "")).toList();
        assertThat(quoted).hasSize(2).allSatisfy(q -> assertThat(q).startsWith("\"").endsWith("\""));
        assertThat(quoted.stream().map(q -> q.substring(1, q.length() - 1)).reduce("", String::concat)).isEqualTo(value);
    }
}
