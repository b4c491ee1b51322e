package dev.penguinmails.events;

import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.accounts.AccountSignedUp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Sample events for tests: real artefacts under {@code src/test/resources/events/} and freshly made ones. */
public final class Fixtures {
    private Fixtures() { }

    /** An EventBridge event JSON exactly as a rule delivers it to SQS. */
    public static String eventBridgeJson(String detailType) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + detailType + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture for " + detailType);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AccountSignedUp accountSignedUp(String email) {
        return new AccountSignedUp("acc_01KBFR3Q8JX1Y2Z3A4B5C6D7EF", "usr_01KBFR3Q8HW9X8Y7Z6A5B4C3D2",
                email, "Ana Souza", "Souza Outbound", "pt-BR");
    }

    public static DomainEvent<AccountSignedUp> signedUp(String email) {
        return DomainEvent.create(IdentityEvents.ACCOUNT_SIGNED_UP, "ws_01KBFR3Q8KZ3M4N5P6Q7R8S9TV", accountSignedUp(email));
    }
}
