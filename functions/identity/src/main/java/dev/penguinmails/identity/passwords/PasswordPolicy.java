package dev.penguinmails.identity.passwords;

import jakarta.inject.Singleton;
import dev.penguinmails.identity.accounts.AccountProblems;
import dev.penguinmails.shared.problems.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * Decides whether a password is acceptable: 8 to 128 characters, no control characters, and enough
 * estimated entropy (nbvcxz, a zxcvbn descendant), judged against the account's own email and name as well.
 *
 * <p>Every printable character is allowed, spaces, accents and emoji included, as NIST SP 800-63B asks.
 * Control characters (Unicode category Cc: tabs, line breaks, escape codes, NUL) are not printable: a
 * person cannot type them reliably on another device, and they mostly arrive by a paste gone wrong.
 */
@Singleton
public class PasswordPolicy {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    public static final String CONTROL_CHARACTERS =
            "must not contain control characters such as tabs, line breaks or escape codes; spaces, accents and emoji are fine";
    private static final double MIN_ENTROPY_BITS = 40;

    /** The reasons the password is refused; empty when it is acceptable. */
    public List<String> problems(String password, List<String> personalWords) {
        List<String> reasons = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            reasons.add("Use at least " + MIN_LENGTH + " characters.");
            return reasons;
        }
        if (password.length() > MAX_LENGTH) {
            reasons.add("Use at most " + MAX_LENGTH + " characters.");
            return reasons;
        }
        if (hasControlCharacters(password)) {
            reasons.add("Do not use control characters such as tabs, line breaks or escape codes.");
            return reasons;
        }
        Nbvcxz estimator = new Nbvcxz(new ConfigurationBuilder()
                .setMinimumEntropy(MIN_ENTROPY_BITS)
                .setDictionaries(dictionaries(personalWords))
                .createConfiguration());
        Result result = estimator.estimate(password);
        if (!result.isMinimumEntropyMet()) {
            var feedback = result.getFeedback();
            if (feedback.getWarning() != null) {
                reasons.add(feedback.getWarning());
            }
            reasons.addAll(feedback.getSuggestion());
            if (reasons.isEmpty()) {
                reasons.add("This password is too easy to guess.");
            }
        }
        return reasons;
    }

    /** True when {@code password} holds a character of Unicode category Cc (C0, DEL or C1). */
    public static boolean hasControlCharacters(String password) {
        return password.chars().anyMatch(Character::isISOControl);
    }

    /**
     * Throws 400 {@code validation-failed} for control characters, else 400 {@code weak-password}, naming {@code field} and listing the reasons, unless the password is acceptable.
     */
    public void requireStrong(String field, String password, List<String> personalWords) {
        if (password != null && hasControlCharacters(password)) {
            throw ProblemException.invalid(field, CONTROL_CHARACTERS);
        }
        List<String> reasons = problems(password, personalWords);
        if (!reasons.isEmpty()) {
            throw AccountProblems.weakPassword(field, reasons);
        }
    }

    /** The default dictionaries plus the account's own words, so "maria2024" counts as guessable for Maria. */
    private static List<Dictionary> dictionaries(List<String> personalWords) {
        DictionaryBuilder personal = new DictionaryBuilder().setDictionaryName("personal").setExclusion(true);
        for (String w : personalWords) {
            if (w == null) {
                continue;
            }
            for (String part : w.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (part.length() >= 3) {
                    personal.addWord(part, 0);
                }
            }
        }
        List<Dictionary> all = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        all.add(personal.createDictionary());
        return all;
    }
}
