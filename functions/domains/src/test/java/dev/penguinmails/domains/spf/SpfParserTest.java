package dev.penguinmails.domains.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.domains.spf.SpfTerm.Mechanism;
import dev.penguinmails.domains.spf.SpfTerm.Modifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpfParserTest {

    @Test
    void parsesEveryMechanismWithQualifiersAndCidrs() throws SpfSyntaxException {
        SpfRecord record = SpfParser.parse("V=SPF1 +a -mx:mail.example.com/24//64 ~ptr ?exists:%{i}.x.example.com "
                + "ip4:192.0.2.0/24 ip6:2001:db8::1 include:_spf.example.com exp=explain.example.com -ALL");

        assertThat(record.terms()).hasSize(9);
        assertThat(record.effectiveMechanisms()).extracting(Mechanism::kind).containsExactly(MechanismKind.A,
                MechanismKind.MX, MechanismKind.PTR, MechanismKind.EXISTS, MechanismKind.IP4, MechanismKind.IP6,
                MechanismKind.INCLUDE, MechanismKind.ALL);
        assertThat(record.effectiveMechanisms()).extracting(Mechanism::qualifier).containsExactly(Qualifier.PASS,
                Qualifier.FAIL, Qualifier.SOFTFAIL, Qualifier.NEUTRAL, Qualifier.PASS, Qualifier.PASS, Qualifier.PASS,
                Qualifier.FAIL);
        Mechanism mx = record.effectiveMechanisms().get(1);
        assertThat(mx.domainSpec()).isEqualTo("mail.example.com");
        assertThat(record.effectiveMechanisms().get(4).network().prefixLength()).isEqualTo(24);
        assertThat(record.effectiveMechanisms().get(5).network().prefixLength()).isEqualTo(128);
        assertThat(record.terms().get(7)).isEqualTo(new Modifier("exp=explain.example.com", "exp", "explain.example.com"));
    }

    @Test
    void extraSpacesAreTolerated() throws SpfSyntaxException {
        assertThat(SpfParser.parse("v=spf1  a   -all ").text()).isEqualTo("v=spf1 a -all");
    }

    @Test
    void unknownModifiersAreKept() throws SpfSyntaxException {
        SpfRecord record = SpfParser.parse("v=spf1 -all moo=cow");

        assertThat(record.text()).isEqualTo("v=spf1 -all moo=cow");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v=spf1 ip4:192.0.2.1/33 -all | ip4:192.0.2.1/33",
        "v=spf1 ip4:2001:db8::1 -all | ip4:2001:db8::1",
        "v=spf1 ip6:192.0.2.1 -all | ip6:192.0.2.1",
        "v=spf1 ip6:2001:db8::/129 -all | ip6:2001:db8::/129",
        "v=spf1 ip4:192.0.2.0/024 -all | ip4:192.0.2.0/024",
        "v=spf1 include -all | include",
        "v=spf1 include:localhost -all | include:localhost",
        "v=spf1 include:bad..example.com -all | include:bad..example.com",
        "v=spf1 a:example.com/40 -all | a:example.com/40",
        "v=spf1 mail:example.com -all | mail:example.com",
        "v=spf1 allow | allow",
        "v=spf1 -all:foo | -all:foo",
        "v=spf1 exists:%{x}.example.com -all | exists:%{x}.example.com",
        "v=spf1 redirect=a.example.com redirect=b.example.com | redirect=b.example.com",
        "v=spf1 include:example.123 -all | include:example.123",
    })
    void syntaxErrorsNameTheOffendingTerm(String record, String term) {
        assertThatThrownBy(() -> SpfParser.parse(record)).isInstanceOf(SpfSyntaxException.class)
                .satisfies(e -> assertThat(((SpfSyntaxException) e).term()).isEqualTo(term));
    }

    @ParameterizedTest
    @CsvSource({"v=spf10 -all", "spf1 -all", "v=spf1-all"})
    void otherVersionsAreNotSpf(String text) {
        assertThat(SpfRecord.isSpf(text)).isFalse();
        assertThatThrownBy(() -> SpfParser.parse(text)).isInstanceOf(SpfSyntaxException.class);
    }

    @Test
    void termsAfterAllAreNotEffective() throws SpfSyntaxException {
        SpfRecord record = SpfParser.parse("v=spf1 -all include:late.example.com");

        assertThat(record.effectiveMechanisms()).hasSize(1);
        assertThat(record.mechanismsAfterAll()).extracting(Mechanism::text).containsExactly("include:late.example.com");
    }
}
