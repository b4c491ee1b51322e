package dev.penguinmails.sending.copies;

import dev.penguinmails.events.domains.DomainState;
import dev.penguinmails.events.mailboxes.MailboxState;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    public Optional<MailboxState> mailbox(TenantContext tenant, String mailboxId) {
        return copies.find(tenant, MAILBOXES, mailboxId).map(i -> read(i, MailboxState.class));
    }

    /** The live mailbox copies of {@code ids}, by id, in batched reads (the scheduler tick reads a pool at once). */
    public Map<String, MailboxState> mailboxes(TenantContext tenant, Collection<String> ids) {
        Map<String, MailboxState> out = new HashMap<>();
        copies.findAll(tenant, MAILBOXES, ids).forEach((id, item) -> out.put(id, read(item, MailboxState.class)));
        return out;
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
