package dev.penguinmails.identity.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.identity.accounts.AccountKeys;
import dev.penguinmails.identity.accounts.IdentityApiTest;
import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.identity.tokens.SecretHash;
import dev.penguinmails.testsupport.TestHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Verification links: single use, 24-hour expiry, resend; bad tokens change nothing. */
@MicronautTest
@Tag("integration")
class VerificationTest extends IdentityApiTest {

    @Test
    void aResentLinkWorksAndVerifiedAccountsGetNoMoreLinks() {
        String email = newAddress("resend");
        signUp(email, STRONG_PASSWORD, "Rosa Resend");
        String userId = userIdOf(email);

        TestHttp.Reply resent = api.post("/v1/auth/resend-verification", TestHttp.json(Map.of("email", email)));
        assertThat(resent.status()).isEqualTo(202);
        deliverEmails();
        var mails = awaitMail(email, 2);
        // The queue does not keep order, so the two links may arrive either way round.
        Mail resentMail = mails.stream().filter(m -> m.subject().equals("Your new PenguinMails verification link"))
                .findFirst().orElseThrow();
        Mail firstMail = mails.stream().filter(m -> m != resentMail).findFirst().orElseThrow();

        assertThat(api.post("/v1/auth/verify-email", TestHttp.json(Map.of("token", token(resentMail)))).status()).isEqualTo(200);
        assertThat(item(IdentityKeys.user(userId)).get("emailVerified").bool()).isTrue();
        // The first link still works once (the address is the same), and changes nothing more.
        assertThat(api.post("/v1/auth/verify-email", TestHttp.json(Map.of("token", token(firstMail)))).status()).isEqualTo(200);

        api.post("/v1/auth/resend-verification", TestHttp.json(Map.of("email", email)));
        deliverEmails();
        assertThat(mailTo(email)).hasSize(2);
    }

    @Test
    void expiredTamperedAndMadeUpTokensAreRefusedAndChangeNothing() {
        String email = newAddress("expiry");
        signUp(email, STRONG_PASSWORD, "Ed Expiry");
        deliverEmails();
        String token = token(awaitMail(email, 1).get(0));
        var before = snapshot();

        String tampered = token.substring(0, 42) + (token.endsWith("A") ? "B" : "A");
        for (String bad : new String[] {tampered, "x".repeat(43), "short", token + "A"}) {
            TestHttp.Reply reply = api.post("/v1/auth/verify-email", TestHttp.json(Map.of("token", bad)));
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.problemSlug()).isEqualTo("invalid-token");
        }
        assertThat(api.post("/v1/auth/verify-email", "{}").status()).isEqualTo(400);

        // 24 hours later (the emulator never deletes expired items; readers must ignore them).
        dynamo.updateItem(r -> r.tableName(table).key(AccountKeys.oneTimeToken(SecretHash.sha256Hex(token)))
                .updateExpression("SET expiresAt = :past").expressionAttributeValues(Map.of(":past",
                        AttributeValue.fromN(Long.toString(Instant.now().minusSeconds(1).getEpochSecond())))));
        var expiredBefore = snapshot();
        assertThat(api.post("/v1/auth/verify-email", TestHttp.json(Map.of("token", token))).problemSlug()).isEqualTo("invalid-token");
        assertThat(snapshot()).isEqualTo(expiredBefore);
        assertThat(before).isNotEmpty();
    }

    @Test
    void resendAnswersAlikeForUnknownAndMalformedAddressesAreProblems() {
        TestHttp.Reply unknown = api.post("/v1/auth/resend-verification", TestHttp.json(Map.of("email", newAddress("nobody"))));
        String known = newAddress("somebody");
        signUp(known, STRONG_PASSWORD, "Some Body");
        TestHttp.Reply forKnown = api.post("/v1/auth/resend-verification", TestHttp.json(Map.of("email", known)));

        assertThat(unknown.status()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(forKnown.body());
        TestHttp.Reply malformed = api.post("/v1/auth/resend-verification", TestHttp.json(Map.of("email", "someone@localhost")));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problemSlug()).isEqualTo("validation-failed");
    }
}
