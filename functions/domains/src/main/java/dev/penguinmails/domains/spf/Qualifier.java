package dev.penguinmails.domains.spf;

/** The result a matching SPF mechanism gives (RFC 7208 §4.6.2); a mechanism without qualifier is PASS. */
public enum Qualifier {
    PASS('+'), FAIL('-'), SOFTFAIL('~'), NEUTRAL('?');

    private final char symbol;

    Qualifier(char symbol) {
        this.symbol = symbol;
    }

    /** The character written before the mechanism. */
    public char symbol() {
        return symbol;
    }

    /** The qualifier written as {@code symbol}, or null when the character is not a qualifier. */
    static Qualifier ofSymbol(char symbol) {
        for (Qualifier q : values()) {
            if (q.symbol == symbol) {
                return q;
            }
        }
        return null;
    }
}
