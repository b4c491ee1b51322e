package dev.penguinmails.shared.csv;

/**
 * Makes a CSV cell inert for spreadsheets (OWASP's CSV injection advice): a cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return would be read as a formula by Excel, LibreOffice or Google
 * Sheets, so it is prefixed with a single quote, which they show as text. Phone numbers ({@code +1…}) and negative
 * numbers are prefixed too: the rule cannot tell a number from a formula.
 */
public final class CsvCells {
    private CsvCells() { }

    /** The cell, prefixed with {@code '} if it would start a formula; null is the empty cell. */
    public static String escape(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
