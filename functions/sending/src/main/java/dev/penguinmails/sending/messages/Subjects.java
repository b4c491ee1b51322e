package dev.penguinmails.sending.messages;

import java.util.regex.Pattern;

/** Subject lines of threaded follow-ups. */
public final class Subjects {
    // "Re:", "RE :", "Re[2]:", "Aw:" and "Fwd:"-free: any run of reply prefixes a client may have added.
    private static final Pattern REPLY_PREFIXES = Pattern.compile("^(\\s*(re|aw|sv)(\\[\\d+])?\\s*:\\s*)+",
            Pattern.CASE_INSENSITIVE);

    private Subjects() { }

    /** The follow-up's subject: {@code "Re: "} and the original without any reply prefix, never {@code "Re: Re:"}. */
    public static String reply(String original) {
        return "Re: " + REPLY_PREFIXES.matcher(original == null ? "" : original).replaceFirst("").strip();
    }
}
