package dev.penguinmails.identity.signup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.emulators.PublishedEvent;
import dev.penguinmails.identity.accounts.AccountKeys;
import dev.penguinmails.identity.accounts.AccountRegistry;
import dev.penguinmails.identity.accounts.EmailAddress;
import dev.penguinmails.identity.accounts.IdentityApiTest;
import dev.penguinmails.identity.accounts.NewAccount;
import dev.penguinmails.identity.accounts.Registration;
import dev.penguinmails.identity.passwords.PasswordHasher;
import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.testsupport.TestHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** POST /v1/signup through the Lambda handler, against the emulators. */
@MicronautTest
@Tag("integration")
class SignupTest extends IdentityApiTest {
    @Inject
    AccountRegistry registry;
    @Inject
    PasswordHasher hasher;

    @Test
    void createsTheAccountItsWorkspaceAndMembershipAndEmailsAWorkingVerificationLink() {
        String email = newAddress("maria");
        TestHttp.Reply reply = signUp(email, STRONG_PASSWORD, "Maria Gonzalez");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.text("status")).isEqualTo("pending-verification");
        String userId = userIdOf(email);
        Map<String, AttributeValue> user = item(IdentityKeys.user(userId));
        assertThat(user.get("status").s()).isEqualTo("ACTIVE");
        assertThat(user).doesNotContainKey("expiresAt");
        assertThat(user.get("passwordHash").s()).startsWith("$argon2id$").doesNotContain(STRONG_PASSWORD);
        assertThat(user.get("timezone").s()).isEqualTo("Europe/Madrid");
        assertThat(user.get("emailVerified").bool()).isFalse();
        assertThat(item(AccountKeys.emailClaim(new EmailAddress(email).normalized()))).doesNotContainKey("expiresAt");
        String workspaceId = user.get("homeWorkspaceId").s();
        assertThat(item(IdentityKeys.workspace(workspaceId)).get("ownerId").s()).isEqualTo(userId);
        assertThat(item(IdentityKeys.member(workspaceId, userId)).get("role").s()).isEqualTo("owner");

        List<PublishedEvent> signedUp = published("account.signed_up").stream()
                .filter(e -> e.detail().contains(userId)).toList();
        assertThat(signedUp).hasSize(1);
        assertThat(signedUp.get(0).detail()).contains("\"workspaceId\":\"" + workspaceId + "\"")
                .doesNotContain("token").doesNotContain(STRONG_PASSWORD);

        deliverEmails();
        Mail mail = awaitMail(email, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Verify your email address for PenguinMails");
        assertThat(mail.text()).contains("http://127.0.0.1:8080/verify-email#token=").contains("POST /v1/auth/verify-email");
        assertThat(mail.html()).contains("href=\"http://127.0.0.1:8080/verify-email#token=");

        TestHttp.Reply verified = api.post("/v1/auth/verify-email", TestHttp.json(Map.of("token", token(mail))));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("emailVerified").asBoolean()).isTrue();
        assertThat(item(IdentityKeys.user(userId)).get("emailVerified").bool()).isTrue();
        assertThat(published("account.email_verified")).anyMatch(e -> e.detail().contains(userId));

        TestHttp.Reply reused = api.post("/v1/auth/verify-email", TestHttp.json(Map.of("token", token(mail))));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.problemSlug()).isEqualTo("invalid-token");
    }

    @Test
    void aDuplicateAddressGetsTheSameAnswerAndItsOwnerAnEmail() {
        String email = newAddress("taken");
        TestHttp.Reply first = signUp(email, STRONG_PASSWORD, "First Owner");
        deliverEmails();
        awaitMail(email, 1);
        var before = snapshot();

        TestHttp.Reply second = signUp(email.toUpperCase(), "another-Unrelated-passphrase-77", "Somebody Else");

        assertThat(second.status()).isEqualTo(first.status());
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(snapshot()).isEqualTo(before);
        deliverEmails();
        List<Mail> mails = awaitMail(email, 2);
        assertThat(mails.get(1).subject()).isEqualTo("Someone tried to sign up with your email address");
        assertThat(mails.get(1).text()).contains("First Owner").contains("/login");
    }

    @Test
    void duplicateNoticesAreCappedSoTheFormCannotFloodAMailbox() {
        String email = newAddress("flooded");
        signUp(email, STRONG_PASSWORD, "Flooded Owner");
        for (int i = 0; i < 5; i++) {
            assertThat(signUp(email, STRONG_PASSWORD, "Anyone").status()).isEqualTo(202);
        }
        deliverEmails();
        // One verification email plus at most three notices a day.
        awaitMail(email, 4);
        assertThat(mailTo(email)).hasSize(4);
    }

    @Test
    void badInputIsAProblemWithEveryFieldNamedAndChangesNothing() {
        var before = snapshot();

        TestHttp.Reply reply = api.post("/v1/signup", TestHttp.json(Map.of("email", "maria@", "password", "x",
                "name", " ", "timezone", "Mars/Olympus", "locale", "not a locale!")));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(reply.problemSlug()).isEqualTo("validation-failed");
        List<String> fields = new ArrayList<>();
        reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("email", "name", "workspaceName", "timezone", "locale");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void weakPasswordsAreRefusedWithTheEstimatorsReasons() {
        var before = snapshot();
        String email = newAddress("weak");

        for (String weak : List.of("password1", "qwertyuiop", "short", "a".repeat(129), "gonzalezmaria2024")) {
            TestHttp.Reply reply = api.post("/v1/signup", TestHttp.json(Map.of("email", email, "password", weak,
                    "name", "Maria Gonzalez", "workspaceName", "Acme")));
            assertThat(reply.status()).as(weak).isEqualTo(400);
            assertThat(reply.problemSlug()).isEqualTo("weak-password");
            JsonNode errors = reply.json().get("errors");
            assertThat(errors).isNotEmpty();
            errors.forEach(e -> {
                assertThat(e.get("field").asText()).isEqualTo("password");
                assertThat(e.get("message").asText()).isNotBlank();
            });
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aPasswordWithAControlCharacterIsRefusedNamingTheRuleAndChangesNothing() {
        var before = snapshot();

        TestHttp.Reply reply = api.post("/v1/signup", TestHttp.json(Map.of("email", newAddress("tab"),
                "password", "violet-tractor\tsings-Quarterly-42", "name", "Tab Tester", "workspaceName", "Acme")));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemSlug()).isEqualTo("validation-failed");
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
        assertThat(reply.json().get("errors").get(0).get("message").asText()).contains("control characters");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void malformedOversizedAndWronglyTypedBodiesAreProblemsAndChangeNothing() {
        var before = snapshot();

        TestHttp.Reply malformed = api.post("/v1/signup", "{\"email\": \"a@b.co\", ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problemSlug()).isEqualTo("malformed-json");

        TestHttp.Reply oversized = api.post("/v1/signup", TestHttp.json(Map.of("email", newAddress("big"),
                "password", STRONG_PASSWORD, "name", "x".repeat(300_000), "workspaceName", "Acme")));
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.problemSlug()).isEqualTo("payload-too-large");

        TestHttp.Reply wrongType = api.send("POST", "/v1/signup", "email=a@b.co", "Content-Type", "application/x-www-form-urlencoded");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.header("Content-Type").orElse("")).startsWith("application/problem+json");

        TestHttp.Reply wrongMethod = api.get("/v1/signup");
        assertThat(wrongMethod.status()).isEqualTo(405);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheAnswerAndSignsUpOnce() {
        String email = newAddress("retry");
        String body = TestHttp.json(Map.of("email", email, "password", STRONG_PASSWORD, "name", "Retry Person",
                "workspaceName", "Retries"));

        TestHttp.Reply first = api.post("/v1/signup", body, "Idempotency-Key", "signup-" + email);
        TestHttp.Reply again = api.post("/v1/signup", body, "Idempotency-Key", "signup-" + email);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(published("account.signed_up").stream().filter(e -> e.detail().contains(email)).count()).isEqualTo(1);
        assertThat(published("account.signup_duplicate").stream().filter(e -> e.detail().contains(email)).count()).isZero();
    }

    @Test
    void aSignupThatStoppedHalfWayIsResumedByTheSamePersonAndReusesItsEventId() {
        String email = newAddress("resumed");
        // Steps 1 and 2 ran, then the function died: a PENDING user and an expiring claim are left.
        Registration first = registry.register(new NewAccount(new EmailAddress(email), "Half Way",
                hasher.hash(STRONG_PASSWORD), "UTC", "en", "Half Team"), STRONG_PASSWORD);
        assertThat(first).isInstanceOf(Registration.Created.class);
        String userId = first.user().userId();
        assertThat(item(IdentityKeys.user(userId)).get("status").s()).isEqualTo("PENDING");
        assertThat(login(email, STRONG_PASSWORD).status()).isEqualTo(401);

        TestHttp.Reply retried = signUp(email, STRONG_PASSWORD, "Half Way");

        assertThat(retried.status()).isEqualTo(202);
        assertThat(userIdOf(email)).isEqualTo(userId);
        assertThat(item(IdentityKeys.user(userId)).get("status").s()).isEqualTo("ACTIVE");
        assertThat(item(IdentityKeys.workspace(first.user().homeWorkspaceId()))).isNotEmpty();
        assertThat(published("account.signed_up")).filteredOn(e -> e.detail().contains(userId))
                .extracting(e -> e.detail().contains(first.user().signupEventId())).containsExactly(true);
        assertThat(login(email, STRONG_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aClaimLeftByAVanishedSignupDoesNotBlockTheAddress() {
        String email = newAddress("orphan");
        String normalized = new EmailAddress(email).normalized();
        Map<String, AttributeValue> claim = new java.util.HashMap<>(AccountKeys.emailClaim(normalized));
        claim.put("userId", AttributeValue.fromS("usr_01JZZZZZZZZZZZZZZZZZZZZZZZ"));
        dynamo.putItem(r -> r.tableName(table).item(claim));

        assertThat(signUp(email, STRONG_PASSWORD, "New Owner").status()).isEqualTo(202);

        assertThat(userIdOf(email)).isNotEqualTo("usr_01JZZZZZZZZZZZZZZZZZZZZZZZ");
        assertThat(login(email, STRONG_PASSWORD).status()).isEqualTo(200);
    }
}
