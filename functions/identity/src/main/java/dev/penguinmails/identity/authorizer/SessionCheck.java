package dev.penguinmails.identity.authorizer;

import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.identity.store.IdentityTable;


import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Whether the login session behind an access token is still active, so that logout and password reset
 * cut off access tokens at once instead of after their 15 minutes. Answers are cached per warm Lambda
 * for at most {@code penguinmails.auth.session-cache} (default and maximum 10 s).
 */
@Singleton
public class SessionCheck {
    static final Duration MAX_CACHE = Duration.ofSeconds(10);
    // A warm Lambda serves a bounded set of sessions; past this many, start over rather than grow.
    private static final int MAX_ENTRIES = 10_000;

    private final DynamoDbClient dynamo;
    private final IdentityTable table;
    private final Clock clock;
    private final long cacheNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SessionCheck(DynamoDbClient dynamo, IdentityTable table, AuthorizerSettings settings) {
        this(dynamo, table, settings.sessionCache(), Clock.systemUTC());
    }

    SessionCheck(DynamoDbClient dynamo, IdentityTable table, Duration cacheFor, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        Duration effective = cacheFor.compareTo(MAX_CACHE) > 0 ? MAX_CACHE : cacheFor;
        this.cacheNanos = Math.max(0, effective.toNanos());
    }

    /** Whether {@code sessionId} of {@code userId} exists, is ACTIVE and has not expired. */
    public boolean isActive(String userId, String sessionId) {
        String key = userId + "/" + sessionId;
        long now = System.nanoTime();
        Cached hit = cache.get(key);
        if (hit != null && now - hit.checkedAt < cacheNanos) {
            return hit.active;
        }
        boolean active = load(userId, sessionId);
        if (cacheNanos > 0) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(key, new Cached(active, now));
        }
        return active;
    }

    /** Drops what this process remembers about a session, e.g. right after revoking it here. */
    public void forget(String userId, String sessionId) {
        cache.remove(userId + "/" + sessionId);
    }

    private boolean load(String userId, String sessionId) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(table.name())
                .key(IdentityKeys.session(userId, sessionId))
                .consistentRead(true)
                .build()).item();
        return IdentityTable.live(item, clock.instant())
                .flatMap(i -> IdentityTable.string(i, "status"))
                .filter("ACTIVE"::equals)
                .isPresent();
    }

    private record Cached(boolean active, long checkedAt) { }
}
