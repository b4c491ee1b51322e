package dev.penguinmails.identity.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.identity.accounts.AccountRegistry;
import dev.penguinmails.identity.accounts.EmailAddress;
import dev.penguinmails.identity.accounts.IdentityApiTest;
import dev.penguinmails.identity.accounts.NewAccount;
import dev.penguinmails.identity.accounts.Registration;
import dev.penguinmails.identity.passwords.PasswordHasher;
import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.testsupport.TestHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A signup that stopped half-way (the account still PENDING) is finished by whoever holds the mailbox:
 * resending verification and signing up again both mail a link, answering as for any address, and the
 * link makes the account permanent.
 */
@MicronautTest
@Tag("integration")
class PendingAccountTest extends IdentityApiTest {

    @Test
    void resendingVerificationWorksForAPendingAccountAndTheLinkFinishesTheSignup() {
        String email = newAddress("pending");
        String userId = halfFinishedSignup(email);

        TestHttp.Reply resent = api.post("/v1/auth/resend-verification", TestHttp.json(Map.of("email", email)));

        assertThat(resent.status()).isEqualTo(202);
        verifyThroughTheMailedLink(email, userId);
    }

    @Test
    void aSecondSignupWithThatAddressMailsALinkAndAnswersLikeAnyOther() {
        String email = newAddress("squatted");
        String userId = halfFinishedSignup(email);

        TestHttp.Reply again = signUp(email, "ochre-lantern-drifts-Westward-81", "Real Owner");
        TestHttp.Reply fresh = signUp(newAddress("fresh"), STRONG_PASSWORD, "Someone Else");

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(fresh.body());
        verifyThroughTheMailedLink(email, userId);
    }

    /** Steps 1 and 2 of a signup only, as if the function had stopped right after them. */
    private String halfFinishedSignup(String email) {
        NewAccount account = new NewAccount(new EmailAddress(email), "Paula Pending",
                context.getBean(PasswordHasher.class).hash(STRONG_PASSWORD), "UTC", "en", "Paula's team");
        Registration registration = context.getBean(AccountRegistry.class).register(account, STRONG_PASSWORD);
        assertThat(registration).isInstanceOf(Registration.Created.class);
        assertThat(item(IdentityKeys.user(registration.user().userId())).get("status").s()).isEqualTo("PENDING");
        return registration.user().userId();
    }

    private void verifyThroughTheMailedLink(String email, String userId) {
        deliverEmails();
        Mail mail = awaitMail(email, 1).get(0);
        assertThat(api.post("/v1/auth/verify-email", TestHttp.json(Map.of("token", token(mail)))).status()).isEqualTo(200);

        var user = item(IdentityKeys.user(userId));
        assertThat(user.get("status").s()).isEqualTo("ACTIVE");
        assertThat(user.get("emailVerified").bool()).isTrue();
        assertThat(user).doesNotContainKey("expiresAt");
        assertThat(loggedIn(email).get("accessToken").asText()).isNotBlank();
    }
}
