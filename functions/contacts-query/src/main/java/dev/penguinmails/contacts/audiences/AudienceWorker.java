package dev.penguinmails.contacts.audiences;

import dev.penguinmails.contacts.segments.DeclaredFields;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.contacts.AudienceChunk;
import dev.penguinmails.events.contacts.ContactEvents;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.events.sending.CampaignLaunched;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a resolved audience as {@code campaign.audience.chunk} events, slice after slice (decision 0056): a slice
 * takes the audience's lease, then reads and publishes a batch of chunks at a time through the {@link EventPublisher}
 * (schema-checked, retried with backoff) and moves the progress past them only once the bus accepted them all. When
 * its budget is spent it lets the audience go and queues the next slice. A slice that dies between publishing and
 * moving the progress leaves the batch to the next, which publishes those chunks again with the same event ids, so
 * consumers (idempotent on the event id) see each chunk once and no chunk is lost.
 */
@Singleton
public class AudienceWorker {
    private static final Logger LOG = LoggerFactory.getLogger(AudienceWorker.class);
    private final AudienceResolver resolver;
    private final AudienceStore store;
    private final AudienceContacts contacts;
    private final AudienceQueue queue;
    private final EventPublisher publisher;
    private final DeclaredFields fields;
    private final AudienceSettings settings;
    private final Clock clock = Clock.systemUTC();
    private volatile Interruption interruption = (campaignId, nextChunk) -> { };

    AudienceWorker(AudienceResolver resolver, AudienceStore store, AudienceContacts contacts, AudienceQueue queue,
                   EventPublisher publisher, DeclaredFields fields, AudienceSettings settings) {
        this.resolver = resolver;
        this.store = store;
        this.contacts = contacts;
        this.queue = queue;
        this.publisher = publisher;
        this.fields = fields;
        this.settings = settings;
    }

    /** How a slice ended. */
    public enum SliceEnd {
        /** The audience was published in full before (or does not exist): nothing to do. */
        NOTHING_TO_DO,
        /** Another slice holds the audience; it carries on. */
        HELD_ELSEWHERE,
        /** The budget was spent: the next slice is queued. */
        CONTINUED,
        /** The last chunk was published. */
        FINISHED,
        /** Another slice took the audience over meanwhile (this one outlived its lease). */
        LOST
    }

    /** Called after a batch is published and before the progress moves: a test throws here to stand for a crash. */
    @FunctionalInterface
    public interface Interruption {
        void afterPublish(String campaignId, int nextChunk);
    }

    /** For tests: what happens after each published batch (nothing, normally). */
    public void interruptWith(Interruption interruption) {
        this.interruption = interruption;
    }

    /** {@code campaign.launched}: resolves the audience (once per campaign version) and publishes a first slice. */
    public SliceEnd launch(String workspaceId, CampaignLaunched launch, Instant started) {
        if (!resolver.resolve(workspaceId, launch)) {
            LOG.info("Campaign {} v{} was resolved before; continuing its audience if unfinished", launch.campaignId(),
                    launch.version());
        }
        return run(workspaceId, launch.campaignId(), launch.version(), started);
    }

    /** A slice: publishes from the progress on until the audience ends or the budget (from {@code started}) is spent. */
    public SliceEnd run(String workspaceId, String campaignId, long version, Instant started) {
        String lease = Ids.newId("lease");
        Instant now = clock.instant();
        Optional<Audience> claimed = store.claim(workspaceId, campaignId, version, lease, now.plus(settings.lease()), now);
        if (claimed.isEmpty()) {
            Optional<Audience> current = store.get(workspaceId, campaignId, version);
            return current.isEmpty() || current.get().finished() ? SliceEnd.NOTHING_TO_DO : SliceEnd.HELD_ELSEWHERE;
        }
        try {
            return work(claimed.get(), lease, started);
        } catch (RuntimeException | Error e) {
            // The message is retried; let the retry start at once rather than after the lease.
            store.release(workspaceId, campaignId, version, lease);
            throw e;
        }
    }

    private SliceEnd work(Audience audience, String lease, Instant started) {
        String ws = audience.workspaceId();
        Map<String, String> declared = fields.types(TenantContext.system(ws, AudienceResolver.ACTOR));
        int next = audience.nextChunk();
        while (next < audience.chunks()) {
            int to = Math.min(audience.chunks(), next + settings.publishBatch());
            List<AudienceContacts.Placed> placed = contacts.read(audience, audience.start(next), audience.end(to - 1), declared);
            List<DomainEvent<AudienceChunk>> events = new ArrayList<>();
            int at = 0;
            for (int chunk = next; chunk < to; chunk++) {
                List<ContactState> members = new ArrayList<>();
                while (at < placed.size() && placed.get(at).position() < audience.end(chunk)) {
                    members.add(placed.get(at++).state());
                }
                events.add(new DomainEvent<>(ContactEvents.CAMPAIGN_AUDIENCE_CHUNK,
                        ChunkEventIds.of(audience.eventSeed(), chunk), ws, audience.createdAt(),
                        new AudienceChunk(audience.campaignId(), audience.campaignVersion(), chunk, audience.chunks(),
                                audience.audienceSize(), members)));
            }
            publisher.publish(events);
            interruption.afterPublish(audience.campaignId(), to);
            boolean finished = to == audience.chunks();
            if (!store.checkpoint(ws, audience.campaignId(), audience.campaignVersion(), lease, to, finished)) {
                return SliceEnd.LOST;
            }
            next = to;
            if (finished) {
                store.release(ws, audience.campaignId(), audience.campaignVersion(), lease);
                LOG.info("Campaign {} v{}: audience of {} published in {} chunks", audience.campaignId(),
                        audience.campaignVersion(), audience.audienceSize(), audience.chunks());
                return SliceEnd.FINISHED;
            }
            if (clock.instant().isAfter(started.plus(settings.sliceBudget()))) {
                store.release(ws, audience.campaignId(), audience.campaignVersion(), lease);
                queue.send(ws, audience.campaignId(), audience.campaignVersion());
                return SliceEnd.CONTINUED;
            }
        }
        return SliceEnd.FINISHED;
    }
}
