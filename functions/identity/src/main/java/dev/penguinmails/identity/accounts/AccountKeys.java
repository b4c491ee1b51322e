package dev.penguinmails.identity.accounts;

import dev.penguinmails.identity.store.IdentityKeys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The keys of the identity-table items that accounts, logins and sessions own. The items other
 * functions read (users, sessions) use {@link IdentityKeys}; these stay inside identity.
 *
 * <ul>
 *   <li>{@code EMAIL#<normalized email> / CLAIM}: which user owns an address (uniqueness by conditional put)</li>
 *   <li>{@code LOGINGUARD#<sha256 of the email> / STATE}: consecutive login failures and the lock</li>
 *   <li>{@code TOKEN#<sha256> / TOKEN}: a one-time token (verification, reset, email change)</li>
 *   <li>{@code REFRESH#<sha256> / TOKEN}: a refresh token of a session</li>
 *   <li>{@code USER#<id> / LOGIN#<ulid>}: one login attempt of the activity log</li>
 *   <li>{@code USER#<id> / DEVICE#<id>}: a device (browser family + network) the person signed in from</li>
 * </ul>
 */
public final class AccountKeys {
    public static final String EXPIRES_AT = "expiresAt";
    public static final String USER_PARTITION = "USER#";
    public static final String SESSION_PREFIX = "SESSION#";
    public static final String LOGIN_PREFIX = "LOGIN#";
    public static final String DEVICE_PREFIX = "DEVICE#";

    private AccountKeys() { }

    public static Map<String, AttributeValue> user(String userId) {
        return IdentityKeys.user(userId);
    }

    public static Map<String, AttributeValue> emailClaim(String normalizedEmail) {
        return IdentityKeys.key("EMAIL#" + normalizedEmail, "CLAIM");
    }

    public static Map<String, AttributeValue> loginGuard(String guardId) {
        return IdentityKeys.key("LOGINGUARD#" + guardId, "STATE");
    }

    public static Map<String, AttributeValue> oneTimeToken(String tokenHash) {
        return IdentityKeys.key("TOKEN#" + tokenHash, "TOKEN");
    }

    public static Map<String, AttributeValue> refreshToken(String tokenHash) {
        return IdentityKeys.key("REFRESH#" + tokenHash, "TOKEN");
    }

    public static Map<String, AttributeValue> loginAttempt(String userId, String attemptId) {
        return IdentityKeys.key(USER_PARTITION + userId, LOGIN_PREFIX + attemptId);
    }

    public static Map<String, AttributeValue> device(String userId, String deviceId) {
        return IdentityKeys.key(USER_PARTITION + userId, DEVICE_PREFIX + deviceId);
    }

    public static String userPartition(String userId) {
        return USER_PARTITION + userId;
    }
}
