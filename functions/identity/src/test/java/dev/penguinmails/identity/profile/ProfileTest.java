package dev.penguinmails.identity.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.identity.accounts.AccountKeys;
import dev.penguinmails.identity.accounts.EmailAddress;
import dev.penguinmails.identity.accounts.IdentityApiTest;
import dev.penguinmails.testsupport.TestHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** GET/PATCH /v1/me and the email change, through the Lambda handler. */
@MicronautTest
@Tag("integration")
class ProfileTest extends IdentityApiTest {

    @Test
    void theProfileShowsAndChangesNameTimezoneAndLocale() {
        String email = newAddress("profile");
        signUp(email, STRONG_PASSWORD, "Pat Profile");
        String access = loggedIn(email).get("accessToken").asText();

        TestHttp.Reply me = api.get("/v1/me", bearer(access));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("name")).isEqualTo("Pat Profile");
        assertThat(me.text("timezone")).isEqualTo("Europe/Madrid");
        assertThat(me.text("locale")).isEqualTo("es");
        assertThat(me.json().get("emailVerified").asBoolean()).isFalse();
        assertThat(me.body()).doesNotContain("passwordHash").doesNotContain("argon2");

        TestHttp.Reply patched = api.patch("/v1/me", TestHttp.json(Map.of("timezone", "America/Mexico_City", "locale", "pt-br")),
                bearer(access));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.text("timezone")).isEqualTo("America/Mexico_City");
        assertThat(patched.text("locale")).isEqualTo("pt-BR");
        assertThat(patched.text("name")).isEqualTo("Pat Profile");
        assertThat(api.get("/v1/me", bearer(access)).text("locale")).isEqualTo("pt-BR");
    }

    @Test
    void invalidProfileValuesAreRefusedTogetherAndChangeNothing() {
        String email = newAddress("invalid");
        signUp(email, STRONG_PASSWORD, "Ivy Invalid");
        String access = loggedIn(email).get("accessToken").asText();
        var before = snapshot();

        TestHttp.Reply reply = api.patch("/v1/me", TestHttp.json(Map.of("name", "", "timezone", "+02:00",
                "locale", "en-US-u-ca-buddhist")), bearer(access));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemSlug()).isEqualTo("validation-failed");
        List<String> fields = new ArrayList<>();
        reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("name", "timezone", "locale");
        assertThat(api.patch("/v1/me", "{}", bearer(access)).status()).isEqualTo(400);
        assertThat(api.patch("/v1/me", TestHttp.json(Map.of("locale", "xx")), bearer(access)).status()).isEqualTo(400);
        assertThat(api.patch("/v1/me", TestHttp.json(Map.of("name", "Eve"))).status())
                .isEqualTo(401);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anEmailChangeIsConfirmedAtTheNewAddressAndNoticedAtTheOld() {
        String oldEmail = newAddress("mover");
        String newEmail = newAddress("moved");
        signUp(oldEmail, STRONG_PASSWORD, "Mo Mover");
        String userId = userIdOf(oldEmail);
        String access = loggedIn(oldEmail).get("accessToken").asText();
        String elsewhere = loggedIn(oldEmail).get("accessToken").asText();
        deliverEmails();
        awaitMail(oldEmail, 1);

        TestHttp.Reply wrongPassword = api.post("/v1/me/email-change", TestHttp.json(Map.of("newEmail", newEmail,
                "password", "not-My-password-44")), bearer(access));
        assertThat(wrongPassword.status()).isEqualTo(403);
        assertThat(wrongPassword.problemSlug()).isEqualTo("invalid-password");

        TestHttp.Reply asked = api.post("/v1/me/email-change", TestHttp.json(Map.of("newEmail", newEmail, "password", STRONG_PASSWORD)),
                bearer(access));
        assertThat(asked.status()).isEqualTo(202);
        assertThat(api.get("/v1/me", bearer(access)).text("email")).isEqualTo(oldEmail);
        deliverEmails();
        Mail confirmation = awaitMail(newEmail, 1).get(0);
        assertThat(confirmation.subject()).isEqualTo("Confirm your new PenguinMails email address");
        assertThat(confirmation.text()).contains("POST /v1/me/email-change/confirm");
        Mail notice = awaitMail(oldEmail, 2).get(1);
        assertThat(notice.subject()).isEqualTo("Your PenguinMails address change was requested");
        assertThat(notice.text()).contains(newEmail);

        // Confirmed while signed in: this session stays, every other one of the account is signed out.
        TestHttp.Reply confirmed = api.post("/v1/me/email-change/confirm", TestHttp.json(Map.of("token", token(confirmation))),
                bearer(access));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.text("email")).isEqualTo(newEmail);
        assertThat(api.get("/v1/me", bearer(elsewhere)).status()).isEqualTo(401);

        assertThat(userIdOf(newEmail)).isEqualTo(userId);
        assertThat(item(AccountKeys.emailClaim(new EmailAddress(oldEmail).normalized()))).isEmpty();
        TestHttp.Reply me = api.get("/v1/me", bearer(access));
        assertThat(me.text("email")).isEqualTo(newEmail);
        assertThat(me.json().get("emailVerified").asBoolean()).isTrue();
        assertThat(login(oldEmail, STRONG_PASSWORD).status()).isEqualTo(401);
        assertThat(login(newEmail, STRONG_PASSWORD).status()).isEqualTo(200);
        assertThat(api.post("/v1/me/email-change/confirm", TestHttp.json(Map.of("token", token(confirmation)))).problemSlug())
                .isEqualTo("invalid-token");
        deliverEmails();
        assertThat(awaitMail(oldEmail, 3).get(2).subject()).isEqualTo("Your PenguinMails email address was changed");

        // The old address is free again.
        assertThat(signUp(oldEmail, STRONG_PASSWORD, "Someone New").status()).isEqualTo(202);
        assertThat(userIdOf(oldEmail)).isNotEqualTo(userId);
    }

    @Test
    void anAddressTakenMeanwhileIsRefusedAtConfirmationAndNothingMoves() {
        String email = newAddress("slow");
        String wanted = newAddress("wanted");
        signUp(email, STRONG_PASSWORD, "Slow Mover");
        String access = loggedIn(email).get("accessToken").asText();
        api.post("/v1/me/email-change", TestHttp.json(Map.of("newEmail", wanted, "password", STRONG_PASSWORD)), bearer(access));
        deliverEmails();
        String token = token(awaitMail(wanted, 1).get(0));
        signUp(wanted, STRONG_PASSWORD, "Fast Taker");
        var before = snapshot();

        TestHttp.Reply refused = api.post("/v1/me/email-change/confirm", TestHttp.json(Map.of("token", token)));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemSlug()).isEqualTo("email-unavailable");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(api.get("/v1/me", bearer(access)).text("email")).isEqualTo(email);
    }

    @Test
    void badEmailChangeRequestsAreProblems() {
        String email = newAddress("same");
        signUp(email, STRONG_PASSWORD, "Sam Same");
        String access = loggedIn(email).get("accessToken").asText();

        assertThat(api.post("/v1/me/email-change", TestHttp.json(Map.of("newEmail", email.toUpperCase(), "password", STRONG_PASSWORD)),
                bearer(access)).problemSlug()).isEqualTo("validation-failed");
        assertThat(api.post("/v1/me/email-change", TestHttp.json(Map.of("newEmail", "not an address", "password", STRONG_PASSWORD)),
                bearer(access)).problemSlug()).isEqualTo("validation-failed");
        assertThat(api.post("/v1/me/email-change", TestHttp.json(Map.of("newEmail", newAddress("x"))), bearer(access)).status())
                .isEqualTo(400);
        assertThat(api.post("/v1/me/email-change/confirm", TestHttp.json(Map.of("token", "abc"))).problemSlug())
                .isEqualTo("invalid-token");
    }
}
