package dev.penguinmails.domains.spf;

/** One term of an SPF record: a mechanism (with its qualifier) or a modifier (RFC 7208 §4.6.1). */
public sealed interface SpfTerm permits SpfTerm.Mechanism, SpfTerm.Modifier {
    /** The term as written in the record. */
    String text();

    /**
     * A directive: qualifier and mechanism. {@code domainSpec} is null when the mechanism names none (then it
     * applies to the checked domain); {@code network} is set for ip4 and ip6 only.
     */
    record Mechanism(String text, Qualifier qualifier, MechanismKind kind, String domainSpec, IpNetwork network)
            implements SpfTerm {
        /** True when the domain-spec holds macros, whose target depends on the connection being evaluated. */
        public boolean hasMacro() {
            return domainSpec != null && domainSpec.contains("%");
        }
    }

    /** A {@code name=value} modifier, such as {@code redirect}, {@code exp} or one unknown to RFC 7208. */
    record Modifier(String text, String name, String value) implements SpfTerm {
        /** True for {@code redirect=}. */
        public boolean isRedirect() {
            return "redirect".equals(name);
        }

        /** True when the value holds macros. */
        public boolean hasMacro() {
            return value.contains("%");
        }
    }
}
