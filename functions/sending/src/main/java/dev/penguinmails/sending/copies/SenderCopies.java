package dev.penguinmails.sending.copies;

import dev.penguinmails.events.domains.DomainState;
import dev.penguinmails.events.mailboxes.MailboxState;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sending's copies of mailboxes ({@code MAILBOXES}, by mailbox id) and domains ({@code DOMAINS}, by name), as the
 * domains family's events carry them. Credentials and DKIM keys stay sealed as they came: only the sender opens them.
 */
@Singleton
public class SenderCopies {
    static final String MAILBOXES = "MAILBOXES";
    static final String DOMAINS = "DOMAINS";
    /** Set on a mailbox copy that sending holds (decision 0067): such a mailbox is left out of every read below. */
    static final String HELD_AT = "heldAt";
    static final String HELD_REASON = "heldReason";

    private final VersionedCopies copies;
    private final JsonMapper json;

    SenderCopies(VersionedCopies copies, JsonMapper json) {
        this.copies = copies;
        this.json = json;
    }

    public boolean applyMailbox(TenantContext tenant, MailboxState state) {
        return copies.apply(tenant, MAILBOXES, state.mailboxId(), state.version(), Map.of("state", write(state)));
    }

    public boolean removeMailbox(TenantContext tenant, String mailboxId, long version) {
        return copies.remove(tenant, MAILBOXES, mailboxId, version);
    }

    /** The mailbox's copy, unless removed or held (a held mailbox may not send until a newer version arrives). */
    public Optional<MailboxState> mailbox(TenantContext tenant, String mailboxId) {
        return copies.find(tenant, MAILBOXES, mailboxId).filter(i -> !i.containsKey(HELD_AT))
                .map(i -> read(i, MailboxState.class));
    }

    /** The live, unheld mailbox copies of {@code ids}, by id, in batched reads (the scheduler tick reads a pool at once). */
    public Map<String, MailboxState> mailboxes(TenantContext tenant, Collection<String> ids) {
        Map<String, MailboxState> out = new HashMap<>();
        copies.findAll(tenant, MAILBOXES, ids).forEach((id, item) -> {
            if (!item.containsKey(HELD_AT)) {
                out.put(id, read(item, MailboxState.class));
            }
        });
        return out;
    }

    /** Why sending holds the mailbox's current copy, if it does. */
    public Optional<String> mailboxHold(TenantContext tenant, String mailboxId) {
        return copies.find(tenant, MAILBOXES, mailboxId).filter(i -> i.containsKey(HELD_AT))
                .map(i -> i.get(HELD_REASON).s());
    }

    /**
     * Holds the mailbox's copy at {@code state}'s version, carrying {@code owed}; false if that copy is no longer the
     * current one (a newer version was connected meanwhile) or is held already.
     */
    boolean holdMailbox(TenantContext tenant, MailboxState state, String reason, Instant at, OutboxEntry owed) {
        return copies.annotate(tenant, MAILBOXES, state.mailboxId(), state.version(), HELD_AT,
                Map.of(HELD_AT, AttributeValue.fromS(at.toString()), HELD_REASON, AttributeValue.fromS(reason)), owed);
    }

    Map<String, AttributeValue> mailboxKey(TenantContext tenant, String mailboxId) {
        return VersionedCopies.itemKey(tenant, MAILBOXES, mailboxId);
    }

    String table() {
        return copies.table();
    }

    /** The live domain copies of {@code names}, by name, in batched reads. */
    public Map<String, DomainState> domains(TenantContext tenant, Collection<String> names) {
        Map<String, DomainState> out = new HashMap<>();
        copies.findAll(tenant, DOMAINS, names).forEach((name, item) -> out.put(name, read(item, DomainState.class)));
        return out;
    }

    public boolean applyDomain(TenantContext tenant, DomainState state) {
        return copies.apply(tenant, DOMAINS, state.domain(), state.version(), Map.of("state", write(state)));
    }

    public boolean removeDomain(TenantContext tenant, String domain, long version) {
        return copies.remove(tenant, DOMAINS, domain, version);
    }

    public Optional<DomainState> domain(TenantContext tenant, String domain) {
        return copies.find(tenant, DOMAINS, domain).map(i -> read(i, DomainState.class));
    }

    private AttributeValue write(Object state) {
        try {
            return AttributeValue.fromS(new String(json.writeValueAsBytes(state), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(Map<String, AttributeValue> item, Class<T> type) {
        try {
            return json.readValue(item.get("state").s(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
