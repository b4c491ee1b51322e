package dev.penguinmails.identity.apikeys;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.apikeys.ApiKeyCreated;
import dev.penguinmails.events.identity.apikeys.ApiKeyRevoked;
import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.identity.audit.ActorKind;
import dev.penguinmails.identity.audit.AuditEntry;
import dev.penguinmails.identity.audit.AuditLog;
import dev.penguinmails.identity.authorizer.ApiKeyCredential;
import dev.penguinmails.identity.outbox.IdentityOutbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.shared.auth.AuthProblems;
import dev.penguinmails.shared.auth.Permission;
import dev.penguinmails.shared.auth.PermissionMatrix;
import dev.penguinmails.shared.auth.Principal;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Creates, lists and revokes workspace API keys. A key is shown once, when created; only people with a
 * verified email address create keys, and a key's scopes must be real scopes and within the creator's own
 * role (no key can do more than the person who made it). Keys are revoked with their creator's standing
 * ({@link #revokeCreatedBy}).
 */
@Singleton
public class ApiKeyService {
    public static final int DEFAULT_RATE_LIMIT = 600;
    public static final int MAX_RATE_LIMIT = 10_000;
    static final Duration MAX_LIFETIME = Duration.ofDays(731);
    private static final String VALID_SCOPES = Arrays.stream(Permission.values())
            .flatMap(p -> p.scope().stream()).collect(Collectors.joining(", "));

    private final ApiKeyStore keys;
    private final IdentityOutbox outbox;

    public ApiKeyService(ApiKeyStore keys, IdentityOutbox outbox) {
        this.keys = keys;
        this.outbox = outbox;
    }

    public ApiKeyView.Created create(TenantContext tenant, Principal actor, String name, List<String> requestedScopes,
                                     @Nullable Instant expiresAt, @Nullable Integer rateLimitPerMinute,
                                     HttpRequest<?> request) {
        String actorId = actor.requireUser();
        // Whoever registered an address first must not leave keys behind for its real owner to find.
        if (!actor.emailVerified()) {
            throw AuthProblems.emailNotVerified("Verify your email address before creating API keys; we sent you a "
                    + "link when you signed up (POST /v1/auth/resend-verification sends a new one).");
        }
        Instant now = Instant.now();
        Set<Permission> permissions = validate(requestedScopes, expiresAt, now);
        List<Permission> beyondRole = permissions.stream()
                .filter(p -> !PermissionMatrix.allows(tenant.role(), p)).toList();
        if (!beyondRole.isEmpty()) {
            throw ProblemException.forbidden("Your role cannot grant " + beyondRole.stream()
                    .map(p -> p.scope().orElseThrow()).collect(Collectors.joining(", ")) + " to a key.");
        }
        ApiKeyCredential credential = ApiKeyCredential.generate(Ids.newId("key"));
        Set<String> scopes = permissions.stream().map(p -> p.scope().orElseThrow()).collect(Collectors.toSet());
        ApiKey key = new ApiKey(credential.keyId(), tenant.workspaceId(), name.strip(), credential.prefix(), scopes,
                rateLimitPerMinute == null ? DEFAULT_RATE_LIMIT : rateLimitPerMinute, now.truncatedTo(ChronoUnit.MILLIS),
                actorId, expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.SECONDS), null, null);
        OutboxEntry owed = outbox.owe(DomainEvent.create(IdentityEvents.API_KEY_CREATED, tenant.workspaceId(), new ApiKeyCreated(key.keyId(), key.name(),
                key.prefix(), key.scopes().stream().sorted().toList(), actorId,
                key.validUntil() == null ? null : key.validUntil().toString())),
                AuditEntry.of(request, actor, tenant.workspaceId(), "api_key.created", "api_key", key.keyId(),
                        Map.of("name", key.name(), "scopes", String.join(" ", key.scopes().stream().sorted().toList()))));
        keys.create(tenant, key, credential.secretHash(), owed);
        outbox.deliver(IdentityKeys.apiKey(key.keyId()), owed);
        return new ApiKeyView.Created(credential.token(), ApiKeyView.of(key, now));
    }

    public Page<ApiKeyView> list(TenantContext tenant, PageRequest page) {
        Instant now = Instant.now();
        return keys.list(tenant, page).map(k -> ApiKeyView.of(k, now));
    }

    /** Revokes the key; revoking a revoked key changes nothing and answers the same. */
    public ApiKeyView revoke(TenantContext tenant, Principal actor, String keyId, HttpRequest<?> request) {
        Instant now = Instant.now();
        ApiKey before = keys.get(tenant, keyId).orElseThrow(ApiKeyService::noSuchKey);
        OutboxEntry owed = outbox.owe(DomainEvent.create(IdentityEvents.API_KEY_REVOKED, tenant.workspaceId(),
                new ApiKeyRevoked(keyId, before.name(), actor.id())),
                AuditEntry.of(request, actor, tenant.workspaceId(), "api_key.revoked", "api_key", keyId,
                        Map.of("name", before.name())));
        ApiKey after = keys.revoke(tenant, keyId, actor.id(), now, owed).orElseThrow(ApiKeyService::noSuchKey);
        if (revokedNow(after, now)) {
            outbox.deliver(IdentityKeys.apiKey(keyId), owed);
        }
        return ApiKeyView.of(after, now);
    }

    /**
     * Revokes the live keys of {@code tenant}'s workspace that {@code creatorId} made and {@code which}
     * selects, e.g. when the creator leaves, is removed or demoted: a key must never outlast the standing of
     * the person who made it. Each revocation is audited as done by {@code actorId} and announced.
     *
     * @return how many keys were revoked
     */
    public int revokeCreatedBy(TenantContext tenant, String creatorId, Predicate<ApiKey> which, String actorId,
                               ActorKind actorKind, ClientInfo client, String reason) {
        Instant now = Instant.now();
        List<ApiKey> doomed = new ArrayList<>();
        PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, null);
        while (true) {
            Page<ApiKey> found = keys.list(tenant, page);
            found.items().stream()
                    .filter(k -> creatorId.equals(k.createdBy()) && "active".equals(k.status(now)) && which.test(k))
                    .forEach(doomed::add);
            if (!found.hasNext()) {
                break;
            }
            page = new PageRequest(PageRequest.MAX_LIMIT, found.nextCursor());
        }
        int revoked = 0;
        for (ApiKey key : doomed) {
            OutboxEntry owed = outbox.owe(DomainEvent.create(IdentityEvents.API_KEY_REVOKED, tenant.workspaceId(),
                    new ApiKeyRevoked(key.keyId(), key.name(), actorId)),
                    new AuditEntry(tenant.workspaceId(), actorId, actorKind, "api_key.revoked", "api_key", key.keyId(),
                            known(client.ip()), known(client.userAgent()), now,
                            Map.of("name", key.name(), "createdBy", creatorId, "reason", reason)));
            Optional<ApiKey> after = keys.revoke(tenant, key.keyId(), actorId, now, owed);
            // Revoked meanwhile by someone else: their request's outbox audits and announces it.
            if (after.isEmpty() || !revokedNow(after.get(), now)) {
                continue;
            }
            revoked++;
            outbox.deliver(IdentityKeys.apiKey(key.keyId()), owed);
        }
        return revoked;
    }

    /** Whether this request's revocation (at {@code now}) is the one that took effect. */
    private static boolean revokedNow(ApiKey key, Instant now) {
        return key.revokedAt() != null && key.revokedAt().equals(now);
    }

    private static String known(String value) {
        return ClientInfo.UNKNOWN.equals(value) ? null : value;
    }

    /** The permissions behind {@code scopes}; a 400 listing every unknown scope, duplicate or bad expiry. */
    static Set<Permission> validate(List<String> scopes, @Nullable Instant expiresAt, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Set<Permission> permissions = new LinkedHashSet<>();
        for (int i = 0; i < scopes.size(); i++) {
            String scope = scopes.get(i) == null ? "" : scopes.get(i).strip();
            var permission = Permission.fromScope(scope);
            if (permission.isEmpty()) {
                errors.add(new FieldError("scopes[" + i + "]", "is not a scope; valid scopes are " + VALID_SCOPES));
            } else if (!permissions.add(permission.get())) {
                errors.add(new FieldError("scopes[" + i + "]", "is listed twice"));
            }
        }
        if (expiresAt != null && !expiresAt.isAfter(now.plusSeconds(60))) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        } else if (expiresAt != null && expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            errors.add(new FieldError("expiresAt", "must be at most two years ahead"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return permissions;
    }

    private static ProblemException noSuchKey() {
        return ProblemException.notFound("This workspace has no such API key.");
    }
}
