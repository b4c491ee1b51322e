package dev.penguinmails.identity.passwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(19_456, 2, 1);

    @Test
    void hashesWithArgon2idAndASaltOfItsOwn() {
        String a = hasher.hash("correct horse battery staple");
        String b = hasher.hash("correct horse battery staple");
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(a).isNotEqualTo(b);
        assertThat(hasher.matches("correct horse battery staple", a)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", a)).isFalse();
    }

    @Test
    void verifiesHashesMadeByTheEarlierJavaImplementation() {
        // Made by password4j 1.8.4 (the hasher before the native one) with m=19456, t=2, p=1; accounts keep them.
        String ascii = "$argon2id$v=19$m=19456,t=2,p=1$JW1pIwfG7kvePkrLHBXJAg$Ly02BIiAfh0BG+pQAQX6iGUeiaAAyAomWNgFqj7o0II";
        String unicode = "$argon2id$v=19$m=19456,t=2,p=1$XZPZDnlL/bt/4E8bepdQ5Q$2kVtPHxgpuJsC5CfieImA+WH4m5v0F2dDWaMz8xmRiI";
        assertThat(hasher.matches("correct horse battery staple", ascii)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", ascii)).isFalse();
        assertThat(hasher.matches("p\u00e4ssw\u00f6rd \u00fcn\u00efcode \uD83D\uDC27 long enough", unicode)).isTrue();
        assertThat(hasher.matches("passwort unicode long enough", unicode)).isFalse();
    }

    @Test
    void malformedStoredHashesMatchNothingAndAskForARehash() {
        assertThat(hasher.matches("correct horse battery staple", "not-a-hash")).isFalse();
        assertThat(hasher.matches("correct horse battery staple", "$argon2id$v=19$m=19456,t=2,p=1$!!$!!")).isFalse();
        assertThat(hasher.matches("correct horse battery staple", "$argon2i$v=19$m=19456,t=2,p=1$JW1pIwfG7kvePkrLHBXJAg$"
                + "Ly02BIiAfh0BG+pQAQX6iGUeiaAAyAomWNgFqj7o0II")).isFalse();
        assertThat(hasher.matches("correct horse battery staple", null)).isFalse();
        assertThat(hasher.needsRehash("not-a-hash")).isTrue();
    }

    @Test
    void weakerStoredParametersAskForARehash() {
        String old = hasher.hash("correct horse battery staple");
        assertThat(new PasswordHasher(65_536, 3, 1).needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(old)).isFalse();
    }

    @Test
    void refusesParametersBelowTheOwaspMinimum() {
        assertThatThrownBy(() -> new PasswordHasher(4096, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkingAgainstNoRealHashCostsAsMuchArgon2idAsARealCheck() {
        PasswordHasher hasher = new PasswordHasher(19_456, 2, 1);
        String real = hasher.hash("violet-tractor-sings-Quarterly-42");

        long realCheck = fastestOfThree(() -> hasher.matches("wrong-Guess-123", real));
        long unknownAccount = fastestOfThree(() -> hasher.burnEquivalentTime("wrong-Guess-123"));
        long brokenHash = fastestOfThree(() -> hasher.matches("wrong-Guess-123", "$argon2id$not-a-real-hash"));

        // The same Argon2id work: well above a third of a real check, whatever the machine's load.
        assertThat(unknownAccount).isGreaterThan(realCheck / 3);
        assertThat(brokenHash).isGreaterThan(realCheck / 3);
    }

    private static long fastestOfThree(Runnable check) {
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            check.run();
            fastest = Math.min(fastest, System.nanoTime() - start);
        }
        return fastest;
    }
}
