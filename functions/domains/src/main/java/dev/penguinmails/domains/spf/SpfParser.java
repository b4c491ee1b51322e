package dev.penguinmails.domains.spf;

import dev.penguinmails.domains.spf.SpfTerm.Mechanism;
import dev.penguinmails.domains.spf.SpfTerm.Modifier;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses SPF record text by the grammar of RFC 7208 §12, rejecting what receivers would treat as a permerror. */
public final class SpfParser {
    private static final Pattern MODIFIER = Pattern.compile("([A-Za-z][A-Za-z0-9_.-]*)=(.*)");
    private static final Pattern IP4_CIDR_SUFFIX = Pattern.compile("/(0|[1-9][0-9]?)$");
    private static final Pattern IP6_CIDR_SUFFIX = Pattern.compile("//(0|[1-9][0-9]{0,2})$");
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private SpfParser() {
    }

    /** The record's terms; throws naming the first term that breaks the grammar. */
    public static SpfRecord parse(String text) throws SpfSyntaxException {
        if (!SpfRecord.isSpf(text)) {
            throw new SpfSyntaxException(text, "an SPF record starts with 'v=spf1'");
        }
        List<SpfTerm> terms = new ArrayList<>();
        Set<String> modifiersSeen = new HashSet<>();
        for (String written : text.substring(SpfRecord.VERSION.length()).split(" ")) {
            if (written.isEmpty()) {
                continue;
            }
            SpfTerm term = term(written);
            if (term instanceof Modifier modifier && isSingleModifier(modifier.name())
                    && !modifiersSeen.add(modifier.name())) {
                throw new SpfSyntaxException(written, "'" + modifier.name() + "' may appear only once (§6)");
            }
            terms.add(term);
        }
        return new SpfRecord(terms);
    }

    private static boolean isSingleModifier(String name) {
        return name.equals("redirect") || name.equals("exp");
    }

    private static SpfTerm term(String written) throws SpfSyntaxException {
        Matcher modifier = MODIFIER.matcher(written);
        if (modifier.matches()) {
            return modifier(written, modifier.group(1).toLowerCase(Locale.ROOT), modifier.group(2));
        }
        Qualifier qualifier = Qualifier.ofSymbol(written.charAt(0));
        String mechanism = qualifier == null ? written : written.substring(1);
        int end = 0;
        while (end < mechanism.length() && Character.isLetterOrDigit(mechanism.charAt(end))) {
            end++;
        }
        MechanismKind kind = kind(written, mechanism.substring(0, end));
        return mechanism(written, qualifier == null ? Qualifier.PASS : qualifier, kind, mechanism.substring(end));
    }

    private static Modifier modifier(String written, String name, String value) throws SpfSyntaxException {
        Optional<String> problem = isSingleModifier(name)
                ? DomainSpecs.problem(value) : DomainSpecs.macroStringProblem(value);
        if (problem.isPresent()) {
            throw new SpfSyntaxException(written, problem.get());
        }
        return new Modifier(written, name, value);
    }

    private static MechanismKind kind(String written, String name) throws SpfSyntaxException {
        for (MechanismKind kind : MechanismKind.values()) {
            if (kind.label().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new SpfSyntaxException(written, "unknown mechanism '" + name + "'");
    }

    private static Mechanism mechanism(String written, Qualifier qualifier, MechanismKind kind, String rest)
            throws SpfSyntaxException {
        return switch (kind) {
            case ALL -> {
                if (!rest.isEmpty()) {
                    throw new SpfSyntaxException(written, "'all' takes no argument");
                }
                yield new Mechanism(written, qualifier, kind, null, null);
            }
            case INCLUDE, EXISTS -> new Mechanism(written, qualifier, kind, requiredDomain(written, rest), null);
            case PTR -> new Mechanism(written, qualifier, kind, optionalDomain(written, rest), null);
            case A, MX -> new Mechanism(written, qualifier, kind, optionalDomain(written, withoutDualCidr(written, rest)), null);
            case IP4, IP6 -> new Mechanism(written, qualifier, kind, null, network(written, kind, rest));
        };
    }

    private static String requiredDomain(String written, String rest) throws SpfSyntaxException {
        if (!rest.startsWith(":")) {
            throw new SpfSyntaxException(written, "a domain is required after ':'");
        }
        return domain(written, rest.substring(1));
    }

    private static String optionalDomain(String written, String rest) throws SpfSyntaxException {
        if (rest.isEmpty()) {
            return null;
        }
        return requiredDomain(written, rest);
    }

    private static String domain(String written, String spec) throws SpfSyntaxException {
        Optional<String> problem = DomainSpecs.problem(spec);
        if (problem.isPresent()) {
            throw new SpfSyntaxException(written, problem.get());
        }
        return spec;
    }

    /** {@code rest} without its {@code /ip4-cidr} and {@code //ip6-cidr} suffixes, which must be in range. */
    private static String withoutDualCidr(String written, String rest) throws SpfSyntaxException {
        String remaining = rest;
        Matcher ip6 = IP6_CIDR_SUFFIX.matcher(remaining);
        if (ip6.find()) {
            checkRange(written, ip6.group(1), 128);
            remaining = remaining.substring(0, ip6.start());
        }
        Matcher ip4 = IP4_CIDR_SUFFIX.matcher(remaining);
        if (ip4.find()) {
            checkRange(written, ip4.group(1), 32);
            remaining = remaining.substring(0, ip4.start());
        }
        if (remaining.indexOf('/') >= 0 && !remaining.contains("%{")) {
            throw new SpfSyntaxException(written, "invalid CIDR length");
        }
        return remaining;
    }

    private static IpNetwork network(String written, MechanismKind kind, String rest) throws SpfSyntaxException {
        if (!rest.startsWith(":")) {
            throw new SpfSyntaxException(written, "an address is required after ':'");
        }
        String value = rest.substring(1);
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        int maxPrefix = kind == MechanismKind.IP4 ? 32 : 128;
        int prefix = maxPrefix;
        if (slash >= 0) {
            String length = value.substring(slash + 1);
            if (!length.matches("0|[1-9][0-9]{0,2}")) {
                throw new SpfSyntaxException(written, "invalid CIDR length");
            }
            prefix = checkRange(written, length, maxPrefix);
        }
        InetAddress ip = address(written, kind, address);
        return new IpNetwork(ip, prefix);
    }

    private static InetAddress address(String written, MechanismKind kind, String address) throws SpfSyntaxException {
        try {
            if (kind == MechanismKind.IP4 && !DOTTED_QUAD.matcher(address).matches()) {
                throw new IllegalArgumentException("not a dotted quad");
            }
            InetAddress ip = com.google.common.net.InetAddresses.forString(address);
            boolean familyMatches = kind == MechanismKind.IP4 ? ip instanceof Inet4Address : ip instanceof Inet6Address;
            if (!familyMatches) {
                throw new IllegalArgumentException("wrong address family");
            }
            return ip;
        } catch (IllegalArgumentException e) {
            throw new SpfSyntaxException(written, "invalid " + kind.label() + " address '" + address + "'");
        }
    }

    private static int checkRange(String written, String length, int max) throws SpfSyntaxException {
        int value = Integer.parseInt(length);
        if (value > max) {
            throw new SpfSyntaxException(written, "CIDR length " + value + " over " + max);
        }
        return value;
    }
}
