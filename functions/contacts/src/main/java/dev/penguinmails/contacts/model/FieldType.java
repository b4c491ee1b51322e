package dev.penguinmails.contacts.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The type of a custom field, declared once per workspace. A value is checked against it and kept in a canonical
 * text form ({@link CustomValue#value()}); the API shows it back as the JSON type it was given in.
 */
public enum FieldType {
    /** A JSON string, at most {@value #MAX_TEXT} characters. */
    TEXT,
    /** A JSON number, kept exactly (no binary floating point). */
    NUMBER,
    /** A JSON string {@code yyyy-MM-dd}. */
    DATE,
    /** A JSON {@code true} or {@code false}. */
    BOOLEAN;

    public static final int MAX_TEXT = 1000;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FieldType fromWire(String value) {
        for (FieldType type : values()) {
            if (type.wire().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("must be one of text, number, date, boolean");
    }

    /**
     * {@code json} (a String, Number or Boolean as the JSON body held it) as a value of this type.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public CustomValue accept(Object json) {
        return switch (this) {
            case TEXT -> {
                if (!(json instanceof String s)) {
                    throw new IllegalArgumentException("must be a string (the field is text)");
                }
                if (s.length() > MAX_TEXT) {
                    throw new IllegalArgumentException("must be at most " + MAX_TEXT + " characters");
                }
                yield new CustomValue(this, s);
            }
            case NUMBER -> {
                if (!(json instanceof Number n) || !finite(n)) {
                    throw new IllegalArgumentException("must be a number (the field is number)");
                }
                yield new CustomValue(this, canonical(new BigDecimal(n.toString())));
            }
            case DATE -> {
                if (!(json instanceof String s)) {
                    throw new IllegalArgumentException("must be a date string yyyy-MM-dd (the field is date)");
                }
                try {
                    yield new CustomValue(this, LocalDate.parse(s).toString());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("must be a date yyyy-MM-dd (the field is date)");
                }
            }
            case BOOLEAN -> {
                if (!(json instanceof Boolean b)) {
                    throw new IllegalArgumentException("must be true or false (the field is boolean)");
                }
                yield new CustomValue(this, b.toString());
            }
        };
    }

    private static boolean finite(Number n) {
        return !(n instanceof Double d && (d.isNaN() || d.isInfinite()))
                && !(n instanceof Float f && (f.isNaN() || f.isInfinite()));
    }

    private static String canonical(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
