package dev.penguinmails.domains.mailboxes;

import dev.penguinmails.domains.catalog.DomainSettings;
import dev.penguinmails.domains.names.DomainName;
import dev.penguinmails.shared.problems.ProblemException;
import jakarta.inject.Singleton;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;

/**
 * Reads a mailbox address: one plain address (no display name, no group), its domain in ASCII the way domains are
 * keyed (international names as punycode), and all of it lower-cased, since mail providers treat the local part
 * without case and one mailbox must not be connected twice under two spellings.
 */
@Singleton
public class MailboxAddresses {
    private final DomainSettings settings;

    public MailboxAddresses(DomainSettings settings) {
        this.settings = settings;
    }

    public Address parse(String input) {
        String text = input == null ? "" : input.strip();
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw ProblemException.invalid("address", "must be an email address such as ana@outreach.acme.com");
        }
        DomainName domain = DomainName.parse(text.substring(at + 1), settings.privateSuffixes()).name()
                .orElseThrow(() -> ProblemException.invalid("address", "has a domain that cannot send mail"));
        String value = text.substring(0, at).toLowerCase(Locale.ROOT) + "@" + domain.ascii();
        try {
            InternetAddress parsed = new InternetAddress(value, true);
            if (parsed.getPersonal() != null || parsed.isGroup() || !parsed.getAddress().equals(value)) {
                throw new AddressException("not a plain address");
            }
        } catch (AddressException e) {
            throw ProblemException.invalid("address", "must be a plain email address such as ana@outreach.acme.com");
        }
        return new Address(value, domain.ascii());
    }

    /** A normalised address and its domain. */
    public record Address(String value, String domain) { }
}
