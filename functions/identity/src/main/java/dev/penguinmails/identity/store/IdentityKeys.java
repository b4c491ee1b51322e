package dev.penguinmails.identity.store;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The keys of the identity table's items that every function reads to authenticate a request
 * (sessions, workspaces, memberships, API keys). The identity function writes them with these same keys,
 * so the layout lives here, once.
 */
public final class IdentityKeys {
    public static final String PK = "pk";
    public static final String SK = "sk";

    private IdentityKeys() { }

    public static Map<String, AttributeValue> user(String userId) {
        return key("USER#" + userId, "PROFILE");
    }

    /** A login session (one refresh-token family) of a person. */
    public static Map<String, AttributeValue> session(String userId, String sessionId) {
        return key("USER#" + userId, "SESSION#" + sessionId);
    }

    public static Map<String, AttributeValue> workspace(String workspaceId) {
        return key("WS#" + workspaceId, "WORKSPACE");
    }

    public static Map<String, AttributeValue> member(String workspaceId, String userId) {
        return key("WS#" + workspaceId, "MEMBER#" + userId);
    }

    public static Map<String, AttributeValue> apiKey(String keyId) {
        return key("APIKEY#" + keyId, "KEY");
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }
}
