package dev.penguinmails.contacts.bulk;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The tags of a tag or untag operation, normalised by the contacts' own rule (family contacts' {@code model.Tags}:
 * NFC, trimmed, spaces collapsed, lower-cased, at most 50 of letters, digits, space and - _ : . /), checked here so
 * that bad tags are refused before any job exists; family contacts normalises them again as it applies them.
 */
final class BulkTags {
    static final int MAX_TAGS = 50;
    private static final Pattern ALLOWED = Pattern.compile("^[\\p{L}\\p{N} _:./-]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private BulkTags() { }

    /** The normalised tags; {@link IllegalArgumentException} naming what is wrong. */
    static List<String> normalise(List<String> input) {
        if (input == null || input.isEmpty()) {
            throw new IllegalArgumentException("give at least one tag");
        }
        TreeSet<String> tags = new TreeSet<>();
        for (String raw : input) {
            String tag = raw == null ? "" : SPACES.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC).strip())
                    .replaceAll(" ").toLowerCase(Locale.ROOT);
            if (tag.isEmpty()) {
                throw new IllegalArgumentException("may not contain an empty tag");
            }
            if (tag.length() > 50 || !ALLOWED.matcher(tag).matches()) {
                throw new IllegalArgumentException("has a tag that is not one (at most 50 letters, digits, spaces and - _ : . /)");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("may hold at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(tags);
    }
}
