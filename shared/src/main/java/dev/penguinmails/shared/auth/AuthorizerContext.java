package dev.penguinmails.shared.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.penguinmails.shared.tenancy.PrincipalKind;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What identity's API Gateway authorizer tells every function about a request's credential, in
 * {@code requestContext.authorizer.lambda}. API Gateway caches it per Authorization header, so it is
 * never a decision for one workspace: it carries the caller and, for a person, all their memberships;
 * the {@link AuthorizerContextFilter} of the function that serves the request decides for the route's
 * workspace. Context values must be scalars, hence the memberships as a JSON string.
 *
 * @param verdict            whether the credential is good; a bad one still reaches the function, which answers
 *                           the client with a 401/429 problem instead of API Gateway's bare 403
 * @param detail             for a refused credential, the client-facing reason
 * @param retryAfterSeconds  for {@link Verdict#THROTTLED}, when to try again
 * @param expiresAt          epoch second after which the credential is no longer good (0: never)
 * @param memberships        a person's workspaces (at most {@link #MAX_MEMBERSHIPS}); empty for API keys
 * @param keyWorkspaceId     an API key's workspace
 * @param keyWorkspaceActive whether an API key's workspace is active (a key of a deleted one is refused)
 * @param rateLimitPerMinute an API key's request limit, counted per function
 */
public record AuthorizerContext(Verdict verdict, @Nullable String detail, long retryAfterSeconds,
                                @Nullable PrincipalKind kind, @Nullable String principalId,
                                @Nullable String sessionId, boolean emailVerified, long expiresAt,
                                Map<String, Membership> memberships, @Nullable String keyWorkspaceId,
                                boolean keyWorkspaceActive, Set<String> scopes, int rateLimitPerMinute) {
    /**
     * The most memberships one context carries, which keeps the context far below API Gateway's limits.
     * A person in more workspaces gets these (most recently joined first); functions answer 404 for the others.
     */
    public static final int MAX_MEMBERSHIPS = 100;

    private static final JsonFactory JSON = new JsonFactory();

    /** The authorizer's finding about the credential. */
    public enum Verdict {
        /** A valid credential. */
        ALLOW,
        /** Expired, revoked, unknown or wrong: the client should refresh or sign in again (401). */
        UNAUTHENTICATED,
        /** Too many failed credentials from this address (429). */
        THROTTLED
    }

    /** A person's role in one workspace, and whether that workspace is deleted (restorable, not usable). */
    public record Membership(Role role, boolean deleted) {
        public Membership {
            Objects.requireNonNull(role, "role");
        }
    }

    public AuthorizerContext {
        Objects.requireNonNull(verdict, "verdict");
        memberships = memberships == null ? Map.of() : Map.copyOf(memberships);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        if (verdict == Verdict.ALLOW) {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(principalId, "principalId");
            if (kind == PrincipalKind.USER && sessionId == null) {
                throw new IllegalArgumentException("a person's context needs the session id");
            }
            if (kind == PrincipalKind.API_KEY && (keyWorkspaceId == null || rateLimitPerMinute < 1)) {
                throw new IllegalArgumentException("an API key's context needs its workspace and rate limit");
            }
        }
    }

    /** A person with a valid access token. */
    public static AuthorizerContext user(String userId, String sessionId, boolean emailVerified, long expiresAt,
                                         Map<String, Membership> memberships) {
        return new AuthorizerContext(Verdict.ALLOW, null, 0, PrincipalKind.USER, userId, sessionId, emailVerified,
                expiresAt, memberships, null, false, Set.of(), 0);
    }

    /** A valid API key. */
    public static AuthorizerContext apiKey(String keyId, String workspaceId, boolean workspaceActive, Set<String> scopes,
                                           int rateLimitPerMinute, long expiresAt) {
        return new AuthorizerContext(Verdict.ALLOW, null, 0, PrincipalKind.API_KEY, keyId, null, true, expiresAt,
                Map.of(), workspaceId, workspaceActive, scopes, rateLimitPerMinute);
    }

    /** A credential that is not (or no longer) valid. */
    public static AuthorizerContext unauthenticated(String detail) {
        return new AuthorizerContext(Verdict.UNAUTHENTICATED, detail, 0, null, null, null, false, 0, Map.of(), null,
                false, Set.of(), 0);
    }

    /** A caller over the limit of failed credentials. */
    public static AuthorizerContext throttled(long retryAfterSeconds, String detail) {
        return new AuthorizerContext(Verdict.THROTTLED, detail, Math.max(1, retryAfterSeconds), null, null, null, false,
                0, Map.of(), null, false, Set.of(), 0);
    }

    /** The context as the authorizer returns it: string, number and boolean values only. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("verdict", verdict.name());
        if (detail != null) {
            map.put("detail", detail);
        }
        if (verdict == Verdict.THROTTLED) {
            map.put("retryAfter", retryAfterSeconds);
        }
        if (verdict != Verdict.ALLOW) {
            return map;
        }
        map.put("principalKind", kind.name());
        map.put("principalId", principalId);
        map.put("emailVerified", emailVerified);
        map.put("expiresAt", expiresAt);
        if (kind == PrincipalKind.USER) {
            map.put("sessionId", sessionId);
            map.put("memberships", membershipsJson(memberships));
        } else {
            map.put("workspaceId", keyWorkspaceId);
            map.put("workspaceActive", keyWorkspaceActive);
            map.put("scopes", String.join(" ", new TreeSet<>(scopes)));
            map.put("rateLimitPerMinute", rateLimitPerMinute);
        }
        return map;
    }

    /**
     * Reads a context as API Gateway passes it on (values may arrive as strings).
     *
     * @throws IllegalArgumentException if it is not one the authorizer wrote
     */
    public static AuthorizerContext fromMap(Map<String, ?> map) {
        Verdict verdict = Verdict.valueOf(text(map, "verdict").orElseThrow(() -> missing("verdict")));
        String detail = text(map, "detail").orElse(null);
        if (verdict == Verdict.UNAUTHENTICATED) {
            return unauthenticated(detail == null ? "The credential is not valid." : detail);
        }
        if (verdict == Verdict.THROTTLED) {
            return throttled(number(map, "retryAfter"), detail == null ? "Too many attempts." : detail);
        }
        PrincipalKind kind = PrincipalKind.valueOf(text(map, "principalKind").orElseThrow(() -> missing("principalKind")));
        String id = text(map, "principalId").orElseThrow(() -> missing("principalId"));
        long expiresAt = number(map, "expiresAt");
        if (kind == PrincipalKind.USER) {
            return user(id, text(map, "sessionId").orElseThrow(() -> missing("sessionId")), bool(map, "emailVerified"),
                    expiresAt, parseMemberships(text(map, "memberships").orElse("{}")));
        }
        Set<String> scopes = Arrays.stream(text(map, "scopes").orElse("").split(" "))
                .filter(s -> !s.isBlank()).collect(Collectors.toSet());
        return apiKey(id, text(map, "workspaceId").orElseThrow(() -> missing("workspaceId")),
                bool(map, "workspaceActive"), scopes, (int) number(map, "rateLimitPerMinute"), expiresAt);
    }

    /** The principal this context names; only for {@link Verdict#ALLOW}. */
    public Principal principal() {
        if (verdict != Verdict.ALLOW) {
            throw new IllegalStateException("no principal in a refused context");
        }
        return kind == PrincipalKind.USER ? Principal.user(principalId, sessionId, emailVerified)
                : Principal.apiKey(principalId, keyWorkspaceId);
    }

    /** A person's membership of {@code workspaceId}, if listed. */
    public Optional<Membership> membership(String workspaceId) {
        return Optional.ofNullable(memberships.get(workspaceId));
    }

    static String membershipsJson(Map<String, Membership> memberships) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            for (Map.Entry<String, Membership> m : new java.util.TreeMap<>(memberships).entrySet()) {
                json.writeObjectFieldStart(m.getKey());
                json.writeStringField("role", m.getValue().role().wireName());
                json.writeBooleanField("deleted", m.getValue().deleted());
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static Map<String, Membership> parseMemberships(String text) {
        Map<String, Membership> result = new LinkedHashMap<>();
        try (JsonParser json = JSON.createParser(text)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String workspaceId = json.currentName();
                expect(json.nextToken(), JsonToken.START_OBJECT);
                Role role = null;
                boolean deleted = false;
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    JsonToken value = json.nextToken();
                    if ("role".equals(field)) {
                        role = Role.fromWire(json.getValueAsString()).orElseThrow(() -> missing("role"));
                    } else if ("deleted".equals(field)) {
                        deleted = value == JsonToken.VALUE_TRUE;
                    } else {
                        json.skipChildren();
                    }
                }
                if (role == null) {
                    throw missing("role");
                }
                result.put(workspaceId, new Membership(role, deleted));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("memberships are not JSON: " + e.getMessage(), e);
        }
        return result;
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("memberships: expected " + expected + ", found " + actual);
        }
    }

    private static Optional<String> text(Map<String, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    private static long number(Map<String, ?> map, String key) {
        Object value = map.get(key);
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? 0 : Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number", e);
        }
    }

    private static boolean bool(Map<String, ?> map, String key) {
        Object value = map.get(key);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    private static IllegalArgumentException missing(String key) {
        return new IllegalArgumentException("the authorizer context lacks " + key);
    }
}
