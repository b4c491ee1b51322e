package dev.penguinmails.contacts.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            " Ana@Example.COM  | Ana@example.com | ana@example.com",
            "ana@example.com. | ana@example.com | ana@example.com",
            "ana.souza+leads@sub.Acme.co.uk | ana.souza+leads@sub.acme.co.uk | ana.souza+leads@sub.acme.co.uk",
            "Ana@Bücher.DE | Ana@xn--bcher-kva.de | ana@xn--bcher-kva.de",
            "josé@exemplo.com.br | josé@exemplo.com.br | josé@exemplo.com.br",
            "o'neil!#$%&*/=?^_`{}~-@example.org | o'neil!#$%&*/=?^_`{}~-@example.org | o'neil!#$%&*/=?^_`{}~-@example.org",
            "ana@xn--bcher-kva.de | ana@xn--bcher-kva.de | ana@xn--bcher-kva.de",
            "ana@mail.acme.test | ana@mail.acme.test | ana@mail.acme.test"})
    void normalisesTheDomainKeepsTheLocalPartAndKeysOnTheLowerCasedWhole(String input, String address, String key) {
        EmailAddress email = EmailAddress.parse(input);

        assertThat(email.address()).isEqualTo(address);
        assertThat(email.key()).isEqualTo(key);
    }

    @Test
    void aDomainSeenBeforeGivesTheSameAnswerAgainValidOrNot() {
        // Domains are normalised once and cached: the second answer must be the first's, refusal included.
        for (int i = 0; i < 2; i++) {
            assertThat(EmailAddress.parse("ana@Bücher.DE").address()).isEqualTo("ana@xn--bcher-kva.de");
            assertThat(EmailAddress.asciiDomain("Sub.Acme.IO.")).isEqualTo("sub.acme.io");
            assertThatThrownBy(() -> EmailAddress.parse("ana@exa_mple.com")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("has a domain that is not a valid host name");
        }
    }

    @Test
    void caseAndWhitespaceVariantsShareOneKeyButGmailDotsAndPlusTagsDoNot() {
        assertThat(EmailAddress.parse("Ana@Example.COM ").key()).isEqualTo(EmailAddress.parse("ana@example.com").key());
        assertThat(EmailAddress.parse("a.na@gmail.com").key()).isNotEqualTo(EmailAddress.parse("ana@gmail.com").key());
        assertThat(EmailAddress.parse("ana+x@gmail.com").key()).isNotEqualTo(EmailAddress.parse("ana@gmail.com").key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ana", "@example.com", "ana@", "ana@@example.com", "an a@example.com",
            "\"ana\"@example.com", ".ana@example.com", "ana.@example.com", "a..na@example.com", "ana@example",
            "ana@localhost", "ana@[192.0.2.1]", "ana@192.0.2.1", "ana@-example.com", "ana@exa_mple.com",
            "ana@example.c0m", "ana@example..com", "ana(comment)@example.com", "ana\u0000@example.com", "ana@exam ple.com"})
    void refusesWhatIsNotAPlainAddress(String input) {
        assertThatThrownBy(() -> EmailAddress.parse(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesOverlongParts() {
        assertThatThrownBy(() -> EmailAddress.parse("a".repeat(65) + "@example.com"))
                .hasMessageContaining("64 bytes");
        assertThat(EmailAddress.parse("a".repeat(64) + "@example.com").local()).hasSize(64);
        String longDomain = ("d".repeat(60) + ".").repeat(5) + "com";
        assertThatThrownBy(() -> EmailAddress.parse("ana@" + longDomain)).isInstanceOf(IllegalArgumentException.class);
    }
}
