package dev.penguinmails.domains.names;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * A sending domain's name as we store and publish it: ASCII (IDN in punycode), lower case, without a trailing
 * dot. {@link #organizational()} is the registrable domain under the Public Suffix List (Guava's copy), where a
 * DMARC policy is looked up; a subdomain is any name below it.
 */
public record DomainName(String ascii, String unicode, String organizational) {

    /** Whether this is a subdomain (e.g. {@code mail.acme.com}) rather than the registrable domain itself. */
    public boolean subdomain() {
        return !ascii.equals(organizational);
    }

    /**
     * Parses what a customer typed.
     *
     * @param privateSuffixes extra suffixes treated as public (e.g. {@code test} in the local stack), for names
     *                        the Public Suffix List does not know
     * @return the name, or the reason it cannot be a sending domain
     */
    public static Parsed parse(String input, java.util.List<String> privateSuffixes) {
        String text = input == null ? "" : input.strip();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            return Parsed.refused("is empty");
        }
        if (InetAddresses.isInetAddress(text.replace("[", "").replace("]", ""))) {
            return Parsed.refused("is an IP address; add the domain name that mail is sent from");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(text, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Parsed.refused("is not a valid domain name");
        }
        if (ascii.length() > 253 || !ascii.contains(".") || !InternetDomainName.isValid(ascii)) {
            return Parsed.refused("is not a valid domain name");
        }
        InternetDomainName name = InternetDomainName.from(ascii);
        Optional<String> privateSuffix = privateSuffixes.stream()
                .filter(s -> ascii.equals(s) || ascii.endsWith("." + s)).findFirst();
        String organizational;
        if (privateSuffix.isPresent()) {
            if (ascii.equals(privateSuffix.get())) {
                return Parsed.refused("is a public suffix, under which anyone can register a domain");
            }
            String rest = ascii.substring(0, ascii.length() - privateSuffix.get().length() - 1);
            organizational = rest.substring(rest.lastIndexOf('.') + 1) + "." + privateSuffix.get();
        } else if (name.isPublicSuffix()) {
            return Parsed.refused("is a public suffix, under which anyone can register a domain");
        } else if (!name.isUnderPublicSuffix()) {
            return Parsed.refused("does not end in a known public suffix (such as .com or .co.uk)");
        } else {
            organizational = name.topPrivateDomain().toString();
        }
        return new Parsed(Optional.of(new DomainName(ascii, IDN.toUnicode(ascii), organizational)), null);
    }

    /** Whether this name is {@code other} or below it. */
    public boolean isAtOrUnder(String other) {
        String o = other.toLowerCase(Locale.ROOT);
        return ascii.equals(o) || ascii.endsWith("." + o);
    }

    /** A parse result: the name, or why there is none. */
    public record Parsed(Optional<DomainName> name, String refusal) {
        static Parsed refused(String why) {
            return new Parsed(Optional.empty(), why);
        }
    }
}
