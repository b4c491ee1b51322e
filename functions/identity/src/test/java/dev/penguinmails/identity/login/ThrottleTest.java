package dev.penguinmails.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.identity.accounts.IdentityApiTest;
import dev.penguinmails.testsupport.TestHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Per-network and per-address throttles with small limits: 429 with Retry-After, the same for every address. */
@MicronautTest
@Tag("integration")
class ThrottleTest extends IdentityApiTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("penguinmails.auth.throttle.login-per-ip-per-minute", "4",
                "penguinmails.auth.throttle.login-per-account-per-minute", "3",
                "penguinmails.auth.lockout.threshold", "50",
                "penguinmails.auth.throttle.mail-per-address-per-hour", "2",
                "penguinmails.auth.throttle.reset-confirms-per-ip-per-hour", "3");
    }

    @Test
    void oneNetworkGetsFourLoginAttemptsAMinuteWhateverTheAddresses() {
        for (int i = 0; i < 4; i++) {
            assertThat(login(newAddress("spray"), "some-Guess-123", "X-Forwarded-For", "198.18.0.1").status()).isEqualTo(401);
        }
        TestHttp.Reply throttled = login(newAddress("spray"), "some-Guess-123", "X-Forwarded-For", "198.18.0.1");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.problemSlug()).isEqualTo("rate-limited");
        assertThat(Long.parseLong(throttled.header("Retry-After").orElseThrow())).isBetween(1L, 15L);
        assertThat(login(newAddress("spray"), "some-Guess-123", "X-Forwarded-For", "198.18.0.2").status()).isEqualTo(401);
    }

    @Test
    void anIpv6Slash64CountsAsOneNetwork() {
        // One subscriber holds the whole /64: rotating through it must not buy more guesses.
        for (int i = 1; i <= 4; i++) {
            assertThat(login(newAddress("rotate"), "some-Guess-123", "X-Forwarded-For", "2001:db8:5:6::" + i).status())
                    .isEqualTo(401);
        }
        TestHttp.Reply throttled = login(newAddress("rotate"), "some-Guess-123", "X-Forwarded-For", "2001:db8:5:6:abcd:ef01:2345:6789");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.problemSlug()).isEqualTo("rate-limited");
        assertThat(login(newAddress("rotate"), "some-Guess-123", "X-Forwarded-For", "2001:db8:5:7::1").status()).isEqualTo(401);
    }

    @Test
    void oneNetworkGetsThreePasswordResetConfirmationsAnHourCountedPerSlash64() {
        String body = TestHttp.json(Map.of("token", "x".repeat(43), "newPassword", STRONG_PASSWORD));
        for (int i = 1; i <= 3; i++) {
            TestHttp.Reply guessed = api.post("/v1/auth/password-reset/confirm", body, "X-Forwarded-For", "2001:db8:9:9::" + i);
            assertThat(guessed.problemSlug()).isEqualTo("invalid-token");
        }
        TestHttp.Reply throttled = api.post("/v1/auth/password-reset/confirm", body, "X-Forwarded-For", "2001:db8:9:9::ff");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.problemSlug()).isEqualTo("rate-limited");
        assertThat(throttled.header("Retry-After")).isPresent();
        assertThat(api.post("/v1/auth/password-reset/confirm", body, "X-Forwarded-For", "2001:db8:9:a::1").problemSlug())
                .isEqualTo("invalid-token");
    }

    @Test
    void oneAddressGetsThreeLoginAttemptsAMinuteWhateverTheNetworks() {
        String email = newAddress("target");
        signUp(email, STRONG_PASSWORD, "Tara Target");
        for (int i = 0; i < 3; i++) {
            assertThat(login(email, "some-Guess-123", "X-Forwarded-For", "198.19.1." + i).status()).isEqualTo(401);
        }
        TestHttp.Reply throttled = login(email, STRONG_PASSWORD, "X-Forwarded-For", "198.19.1.99");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.problemSlug()).isEqualTo("rate-limited");
        assertThat(throttled.header("Retry-After")).isPresent();

        String unknown = newAddress("unknown");
        for (int i = 0; i < 3; i++) {
            login(unknown, "some-Guess-123", "X-Forwarded-For", "198.19.2." + i);
        }
        TestHttp.Reply unknownThrottled = login(unknown, "some-Guess-123", "X-Forwarded-For", "198.19.2.99");
        assertThat(unknownThrottled.status()).isEqualTo(429);
        assertThat(unknownThrottled.problemSlug()).isEqualTo("rate-limited");
    }

    @Test
    void resendingVerificationIsLimitedPerAddressAndAnswersAlikeForUnknownAddresses() {
        String email = newAddress("resend");
        signUp(email, STRONG_PASSWORD, "Rene Resend");
        String unknown = newAddress("resend-unknown");

        for (String address : new String[] {email, unknown}) {
            TestHttp.Reply first = api.post("/v1/auth/resend-verification", TestHttp.json(Map.of("email", address)));
            TestHttp.Reply second = api.post("/v1/auth/resend-verification", TestHttp.json(Map.of("email", address)));
            TestHttp.Reply third = api.post("/v1/auth/resend-verification", TestHttp.json(Map.of("email", address)));
            assertThat(first.status()).isEqualTo(202);
            assertThat(second.status()).isEqualTo(202);
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.header("Retry-After")).isPresent();
        }
        assertThat(api.post("/v1/auth/resend-verification", TestHttp.json(Map.of("email", newAddress("x")))).body())
                .isEqualTo(api.post("/v1/auth/resend-verification", TestHttp.json(Map.of("email", newAddress("y")))).body());
    }
}
