package dev.penguinmails.identity.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void normalisesCaseAndSpaceButKeepsDotsAndTags() {
        EmailAddress address = new EmailAddress("  Maria.Gonzalez+Sales@Acme-Sales.COM ");
        assertThat(address.value()).isEqualTo("Maria.Gonzalez+Sales@Acme-Sales.COM");
        assertThat(address.normalized()).isEqualTo("maria.gonzalez+sales@acme-sales.com");
        assertThat(address.domain()).isEqualTo("acme-sales.com");
    }

    @Test
    void refusesWhatIsNotAMailboxInARegisteredDomain() {
        for (String bad : new String[] {"maria", "maria@", "@acme.com", "maria@acme", "ma ria@acme.com", "maria@@acme.com",
                "maria..g@acme.com", "maria@acme.invalidtld", "maria@localhost", "\"quoted\"@acme.com", null}) {
            assertThat(EmailAddress.isValid(bad)).as(String.valueOf(bad)).isFalse();
        }
        assertThat(EmailAddress.isValid("x@b.co")).isTrue();
    }
}
