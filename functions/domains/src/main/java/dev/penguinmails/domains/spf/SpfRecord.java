package dev.penguinmails.domains.spf;

import dev.penguinmails.domains.spf.SpfTerm.Mechanism;
import dev.penguinmails.domains.spf.SpfTerm.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A syntactically valid SPF record: its terms in order, after {@code v=spf1}. */
public record SpfRecord(List<SpfTerm> terms) {
    public static final String VERSION = "v=spf1";

    public SpfRecord {
        terms = List.copyOf(terms);
    }

    /** True when a TXT record's text is an SPF record: it starts with {@code v=spf1} then a space or ends (§4.5). */
    public static boolean isSpf(String txt) {
        String lower = txt.toLowerCase(Locale.ROOT);
        return lower.startsWith(VERSION) && (lower.length() == VERSION.length() || lower.charAt(VERSION.length()) == ' ');
    }

    /** The mechanisms evaluation can reach: those up to and including the first {@code all} (§5.1). */
    public List<Mechanism> effectiveMechanisms() {
        List<Mechanism> reached = new ArrayList<>();
        for (SpfTerm term : terms) {
            if (term instanceof Mechanism mechanism) {
                reached.add(mechanism);
                if (mechanism.kind() == MechanismKind.ALL) {
                    break;
                }
            }
        }
        return reached;
    }

    /** The first {@code all} mechanism, if any. */
    public Optional<Mechanism> all() {
        return terms.stream().filter(t -> t instanceof Mechanism m && m.kind() == MechanismKind.ALL)
                .map(Mechanism.class::cast).findFirst();
    }

    /** The {@code redirect=} modifier, if any. */
    public Optional<Modifier> redirect() {
        return terms.stream().filter(t -> t instanceof Modifier m && m.isRedirect())
                .map(Modifier.class::cast).findFirst();
    }

    /** Mechanisms written after the first {@code all}, which evaluation never reaches. */
    public List<Mechanism> mechanismsAfterAll() {
        List<Mechanism> all = terms.stream().filter(Mechanism.class::isInstance).map(Mechanism.class::cast).toList();
        return all.subList(effectiveMechanisms().size(), all.size());
    }

    /** The record as published: {@code v=spf1} and the terms, single-spaced. */
    public String text() {
        StringBuilder text = new StringBuilder(VERSION);
        terms.forEach(t -> text.append(' ').append(t.text()));
        return text.toString();
    }
}
