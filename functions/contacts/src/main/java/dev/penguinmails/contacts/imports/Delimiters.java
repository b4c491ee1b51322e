package dev.penguinmails.contacts.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of {@code , ; TAB |} separates a CSV file's fields, from its first lines: the candidate that appears (outside
 * quotes) in the header and the same number of times in most of the next lines; the most frequent in the header if
 * none is consistent; a comma for a file of one column.
 */
final class Delimiters {
    static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final int LINES = 20;

    private Delimiters() { }

    static char detect(String sample) {
        List<String> lines = lines(sample);
        if (lines.isEmpty()) {
            return ',';
        }
        char best = ',';
        double bestScore = 0;
        for (char c : CANDIDATES) {
            int header = count(lines.get(0), c);
            if (header == 0) {
                continue;
            }
            int same = 0;
            for (int i = 1; i < lines.size(); i++) {
                if (count(lines.get(i), c) == header) {
                    same++;
                }
            }
            double consistency = lines.size() == 1 ? 1 : (double) same / (lines.size() - 1);
            double score = consistency * 1000 + header;
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /** The first lines, a quoted line break not ending a line; the last, possibly cut, line dropped if others exist. */
    private static List<String> lines(String sample) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < sample.length() && lines.size() < LINES; i++) {
            char c = sample.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && (c == '\n' || c == '\r')) {
                if (!line.toString().isBlank()) {
                    lines.add(line.toString());
                }
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
        if (lines.isEmpty() && !line.toString().isBlank()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Occurrences of {@code c} outside double quotes. */
    private static int count(String line, char c) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char x = line.charAt(i);
            if (x == '"') {
                quoted = !quoted;
            } else if (x == c && !quoted) {
                n++;
            }
        }
        return n;
    }

    static String label(char c) {
        return c == '\t' ? "tab" : "'" + c + "'";
    }
}
