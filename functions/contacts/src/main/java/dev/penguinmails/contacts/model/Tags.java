package dev.penguinmails.contacts.model;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A contact's tags, normalised so that {@code " VIP  Lead"} and {@code "vip lead"} are one tag: NFC, trimmed,
 * inner whitespace collapsed to one space, lower-cased; at most {@value #MAX_LENGTH} characters of letters,
 * digits, space and {@code - _ : . /}. Kept sorted and without duplicates, at most the configured count.
 */
public final class Tags {
    public static final int MAX_LENGTH = 50;
    private static final Pattern ALLOWED = Pattern.compile("^[\\p{L}\\p{N} _:./-]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Tags() { }

    /** The normalised, sorted set; {@link IllegalArgumentException} naming the first bad tag. */
    public static List<String> normalise(List<String> input, int maxCount) {
        TreeSet<String> tags = new TreeSet<>();
        for (String raw : input) {
            if (raw == null) {
                throw new IllegalArgumentException("may not contain null");
            }
            String tag = SPACES.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC).strip()).replaceAll(" ")
                    .toLowerCase(Locale.ROOT);
            if (tag.isEmpty()) {
                throw new IllegalArgumentException("may not contain an empty tag");
            }
            if (tag.length() > MAX_LENGTH || !ALLOWED.matcher(tag).matches()) {
                throw new IllegalArgumentException("has \"" + shorten(raw) + "\", which is not a tag (at most "
                        + MAX_LENGTH + " letters, digits, spaces and - _ : . /)");
            }
            tags.add(tag);
        }
        if (tags.size() > maxCount) {
            throw new IllegalArgumentException("may hold at most " + maxCount + " tags");
        }
        return List.copyOf(tags);
    }

    private static String shorten(String raw) {
        return raw.length() > 60 ? raw.substring(0, 60) + "…" : raw;
    }
}
