package dev.penguinmails.domains.spf;

/** An SPF record that RFC 7208's grammar rejects (a permerror); names the offending term. */
public class SpfSyntaxException extends Exception {
    private final String term;

    public SpfSyntaxException(String term, String reason) {
        super("invalid SPF term '" + term + "': " + reason);
        this.term = term;
    }

    /** The term as written, or the whole record when the version is wrong. */
    public String term() {
        return term;
    }
}
