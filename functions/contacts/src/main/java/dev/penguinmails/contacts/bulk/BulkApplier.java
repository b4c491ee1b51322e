package dev.penguinmails.contacts.bulk;

import dev.penguinmails.contacts.catalog.ContactService;
import dev.penguinmails.contacts.model.Contact;
import dev.penguinmails.contacts.model.ContactInput;
import dev.penguinmails.contacts.model.Tags;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a chunk of a bulk operation through {@link ContactService}, as PATCH and DELETE of one contact do (new
 * versions, {@code contact.updated} / {@code contact.deleted} through the outbox, so the query model follows), then
 * counts it once. Applying a chunk again changes nothing twice: a contact tagged already is left alone, a deleted one
 * is not found. A contact deleted meanwhile is counted as missing; one that cannot take the change (too many tags)
 * as failed. Anything else (DynamoDB unavailable) throws, and the message is retried.
 */
@Singleton
public class BulkApplier {
    static final String ACTOR = "system:bulk-operations";
    private static final Logger LOG = LoggerFactory.getLogger(BulkApplier.class);
    private static final int TRIES = 3;
    private final ContactService contacts;
    private final BulkProgress progress;

    BulkApplier(ContactService contacts, BulkProgress progress) {
        this.contacts = contacts;
        this.progress = progress;
    }

    /** What a chunk did to its contacts. */
    public record Outcome(long processed, long changed, long unchanged, long failed, long missing) { }

    public Outcome apply(BulkChunk chunk) {
        if (!List.of("tag", "untag", "delete").contains(chunk.action())) {
            throw new IllegalArgumentException("not a contact action: " + chunk.action());
        }
        TenantContext tenant = TenantContext.system(chunk.workspaceId(), ACTOR);
        long changed = 0;
        long unchanged = 0;
        long failed = 0;
        long missing = 0;
        List<String> tags = chunk.tags() == null || chunk.tags().isEmpty() ? List.of() : Tags.normalise(chunk.tags(), 1000);
        for (String id : chunk.contactIds()) {
            switch (applyOne(tenant, chunk.action(), tags, id)) {
                case CHANGED -> changed++;
                case UNCHANGED -> unchanged++;
                case MISSING -> missing++;
                default -> failed++;
            }
        }
        Outcome outcome = new Outcome(chunk.contactIds().size(), changed, unchanged, failed, missing);
        if (!progress.count(tenant, chunk.operationId(), chunk.chunk(), outcome)) {
            LOG.info("Bulk operation {} chunk {} was counted before", chunk.operationId(), chunk.chunk());
        }
        return outcome;
    }

    /** Counts a chunk whose message failed every try as failed, so that the operation still ends. */
    public void giveUp(BulkChunk chunk) {
        TenantContext tenant = TenantContext.system(chunk.workspaceId(), ACTOR);
        long n = chunk.contactIds().size();
        progress.count(tenant, chunk.operationId(), chunk.chunk(), new Outcome(n, 0, 0, n, 0));
    }

    private enum Result { CHANGED, UNCHANGED, MISSING, FAILED }

    private Result applyOne(TenantContext tenant, String action, List<String> tags, String id) {
        for (int attempt = 1; ; attempt++) {
            try {
                if ("delete".equals(action)) {
                    contacts.delete(tenant, id);
                    return Result.CHANGED;
                }
                Contact current = contacts.get(tenant, id);
                TreeSet<String> next = new TreeSet<>(current.tags());
                switch (action) {
                    case "tag" -> next.addAll(tags);
                    case "untag" -> next.removeAll(tags);
                    default -> throw new IllegalArgumentException("not a contact action: " + action);
                }
                if (next.equals(new TreeSet<>(current.tags()))) {
                    return Result.UNCHANGED;
                }
                contacts.update(tenant, id, new ContactInput(null, null, null, null, null, null, null,
                        List.copyOf(next), null, null, null));
                return Result.CHANGED;
            } catch (ProblemException e) {
                if (e.status() == 404) {
                    return Result.MISSING;
                }
                if (e.status() == 409 && attempt < TRIES) {
                    continue; // changed meanwhile: read it again
                }
                LOG.warn("Bulk {} of contact {} failed: {}", action, id, e.type());
                return Result.FAILED;
            }
        }
    }
}
