package dev.penguinmails.contacts.model;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A contact's email address, normalised: surrounding whitespace trimmed, the domain lower-cased and, if it is an
 * international name, in punycode ({@code Ana@Bücher.DE} is {@code Ana@xn--bcher-kva.de}). The local part is kept
 * as given (NFC), because a few servers still tell {@code Ana} from {@code ana}; {@link #key()} lower-cases it too,
 * and that key is what makes a contact unique in its workspace (docs/decisions/0033).
 *
 * <p>The syntax accepted: a dot-atom local part (RFC 5322 {@code atext}, plus any non-ASCII letter as RFC 6531
 * allows; no quoted strings, comments or IP-literal domains, which lead lists never need and mail servers often
 * refuse), at most 64 octets, and a host name of at least two labels whose last label is alphabetic (or punycode).
 * Whether the domain receives mail is a DNS question (an MX check), not syntax.
 *
 * @param local  the local part as given
 * @param domain the domain in ASCII (punycode), lower-case
 */
public record EmailAddress(String local, String domain) {
    public static final int MAX_LENGTH = 254;
    // atext of RFC 5322 and, beyond ASCII, anything that is not a control, space or separator (RFC 6531).
    private static final Pattern ATOM = Pattern.compile("^[-A-Za-z0-9!#$%&'*+/=?^_`{|}~[^\\x00-\\x7F\\p{Z}\\p{C}]]+$");
    private static final Pattern TOP_LABEL = Pattern.compile("^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$");

    /** The address to send to: the local part as given, the domain in ASCII. */
    public String address() {
        return local + "@" + domain;
    }

    /** What makes the address unique in a workspace: the whole address lower-cased. */
    public String key() {
        return address().toLowerCase(Locale.ROOT);
    }

    /**
     * The normalised address.
     *
     * @throws IllegalArgumentException saying, for the client, what is wrong with it
     */
    public static EmailAddress parse(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        String trimmed = Normalizer.normalize(input.strip(), Normalizer.Form.NFC);
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            throw new IllegalArgumentException("is not an email address (expected name@domain)");
        }
        String local = trimmed.substring(0, at);
        if (local.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
            throw new IllegalArgumentException("has a part before @ longer than 64 bytes");
        }
        for (String atom : local.split("\\.", -1)) {
            if (atom.isEmpty() || !ATOM.matcher(atom).matches()) {
                throw new IllegalArgumentException("has a part before @ that is not a plain address "
                        + "(letters, digits, .!#$%&'*+/=?^_`{|}~- ; no spaces, quotes, leading, trailing or double dots)");
            }
        }
        String domain = asciiDomain(trimmed.substring(at + 1));
        EmailAddress email = new EmailAddress(local, domain);
        if (email.address().length() > MAX_LENGTH) {
            throw new IllegalArgumentException("is longer than " + MAX_LENGTH + " characters");
        }
        return email;
    }

    /**
     * A host name as an address's domain is normalised: lower-case ASCII (punycode), no trailing dot.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static String asciiDomain(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("has a domain that is not a valid host name");
        }
        input = Normalizer.normalize(input.strip(), Normalizer.Form.NFC);
        String ascii;
        try {
            ascii = IDN.toASCII(input.endsWith(".") ? input.substring(0, input.length() - 1) : input,
                    IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has a domain that is not a valid host name");
        }
        if (!InternetDomainName.isValid(ascii) || ascii.indexOf('.') < 0
                || !TOP_LABEL.matcher(ascii.substring(ascii.lastIndexOf('.') + 1)).matches()) {
            throw new IllegalArgumentException("has a domain that is not a valid host name");
        }
        return ascii;
    }
}
