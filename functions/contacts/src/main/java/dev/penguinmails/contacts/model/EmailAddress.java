package dev.penguinmails.contacts.model;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
    private static final String ASCII_ATEXT_SYMBOLS = "-!#$%&'*+/=?^_`{|}~";
    /**
     * Domains as given → normalised (or {@link #INVALID}): a lead list repeats a few thousand domains over millions
     * of rows, and IDN plus Guava's checks are the address's largest cost. Bounded, so a file of unique domains only
     * misses.
     */
    private static final Cache<String, String> DOMAINS = Caffeine.newBuilder().maximumSize(10_000).build();
    /** A string of its own, compared by identity: no domain can be it. */
    private static final String INVALID = new String("invalid domain");

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
        String trimmed = nfc(input.strip());
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            throw new IllegalArgumentException("is not an email address (expected name@domain)");
        }
        String local = trimmed.substring(0, at);
        if (local.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
            throw new IllegalArgumentException("has a part before @ longer than 64 bytes");
        }
        for (String atom : local.split("\\.", -1)) {
            if (atom.isEmpty() || !asciiAtom(atom) && !ATOM.matcher(atom).matches()) {
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
        String ascii = DOMAINS.get(input, EmailAddress::normaliseDomain);
        if (ascii == INVALID) {
            throw new IllegalArgumentException("has a domain that is not a valid host name");
        }
        return ascii;
    }

    /** {@link #asciiDomain}'s work, uncached: the normalised domain, or {@link #INVALID}. */
    private static String normaliseDomain(String input) {
        try {
            return checkedDomain(input);
        } catch (IllegalArgumentException e) {
            return INVALID;
        }
    }

    private static String checkedDomain(String input) {
        input = nfc(input.strip());
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

    /** NFC of {@code s}; ASCII text is NFC already, and most addresses are ASCII. */
    private static String nfc(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return Normalizer.normalize(s, Normalizer.Form.NFC);
            }
        }
        return s;
    }

    /** Whether {@code atom} is ASCII {@code atext} only: {@link #ATOM}'s answer for ASCII, without the regex. */
    private static boolean asciiAtom(String atom) {
        for (int i = 0; i < atom.length(); i++) {
            char c = atom.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || ASCII_ATEXT_SYMBOLS.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
