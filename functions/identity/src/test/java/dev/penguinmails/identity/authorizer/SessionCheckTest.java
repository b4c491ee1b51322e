package dev.penguinmails.identity.authorizer;

import dev.penguinmails.identity.store.IdentityTable;


import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The session check against dynalite, with and without its short cache. */
@Tag("integration")
class SessionCheckTest {
    private static final DynamoDbClient DYNAMO = TestAws.shared().clients().dynamoDb();
    private static final String TABLE = TestAws.freshStack().property(ConfigKeys.table("identity"));
    private final IdentityItems items = new IdentityItems(DYNAMO, TABLE);

    @Test
    void aRevokedSessionStaysValidOnlyAsLongAsTheCacheAndNeverLongerThanTenSeconds() {
        String user = Ids.newId("usr");
        String session = Ids.newId("ses");
        items.session(user, session, "ACTIVE", Instant.now().plus(Duration.ofHours(1)));
        SessionCheck cached = new SessionCheck(DYNAMO, new IdentityTable(TABLE), Duration.ofMinutes(5), Clock.systemUTC());
        SessionCheck uncached = new SessionCheck(DYNAMO, new IdentityTable(TABLE), Duration.ZERO, Clock.systemUTC());

        assertThat(cached.isActive(user, session)).isTrue();
        items.session(user, session, "REVOKED", Instant.now().plus(Duration.ofHours(1)));

        assertThat(uncached.isActive(user, session)).isFalse();
        assertThat(cached.isActive(user, session)).as("answered from the cache").isTrue();
        cached.forget(user, session);
        assertThat(cached.isActive(user, session)).isFalse();
        assertThat(SessionCheck.MAX_CACHE).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void unknownSessionsAndOnesPastExpiryAreNotActive() {
        String user = Ids.newId("usr");
        String session = Ids.newId("ses");
        SessionCheck check = new SessionCheck(DYNAMO, new IdentityTable(TABLE), Duration.ZERO, Clock.systemUTC());

        assertThat(check.isActive(user, session)).isFalse();
        items.session(user, session, "ACTIVE", Instant.now().minusSeconds(1));
        assertThat(check.isActive(user, session)).isFalse();
    }
}
