package dev.penguinmails.sending.enrolments;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.consume.SqsEventConsumer;
import dev.penguinmails.events.contacts.AudienceChunk;
import dev.penguinmails.events.contacts.ContactDeleted;
import dev.penguinmails.events.contacts.ContactErased;
import dev.penguinmails.events.contacts.ContactEvents;
import dev.penguinmails.events.contacts.ContactUnsubscribed;
import dev.penguinmails.events.contacts.ContactUpdated;
import dev.penguinmails.sending.campaigns.CampaignStore;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.ApplicationContext;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQS handler of queue {@code sending-enrolments}: the audience chunks contacts answers {@code campaign.launched}
 * with, and the contact changes that keep enrolments current or stop them.
 */
public class EnrolmentsConsumer extends SqsEventConsumer<Record> {
    private static final Logger LOG = LoggerFactory.getLogger(EnrolmentsConsumer.class);
    static final String ACTOR = "system:sending-enrolments";

    /** The constructor Lambda uses. */
    public EnrolmentsConsumer() { }

    /** For tests and the local stack: runs in an existing context. */
    public EnrolmentsConsumer(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String consumerName() {
        return PenguinMailsTopology.SENDING_ENROLMENTS;
    }

    @Override
    protected Set<EventType<? extends Record>> eventTypes() {
        return Set.of(ContactEvents.CAMPAIGN_AUDIENCE_CHUNK, ContactEvents.CONTACT_UPDATED, ContactEvents.CONTACT_DELETED,
                ContactEvents.CONTACT_ERASED, ContactEvents.CONTACT_UNSUBSCRIBED);
    }

    @Override
    protected void handle(DomainEvent<Record> event) {
        TenantContext tenant = TenantContext.system(event.workspaceId(), ACTOR);
        Enrolments enrolments = applicationContext.getBean(Enrolments.class);
        Record payload = event.payload();
        if (payload instanceof AudienceChunk chunk) {
            // Only a campaign of this workspace, as launched: a chunk naming anything else changes nothing.
            boolean ours = applicationContext.getBean(CampaignStore.class).get(tenant, chunk.campaignId())
                    .filter(c -> c.version() >= chunk.campaignVersion()).isPresent();
            if (!ours) {
                LOG.warn("Ignored audience chunk of unknown campaign {} in {}", chunk.campaignId(), event.workspaceId());
                return;
            }
            int created = enrolments.apply(tenant, chunk);
            LOG.info("Enrolled {} new of chunk {}/{} of {}", created, chunk.chunk() + 1, chunk.chunks(), chunk.campaignId());
        } else if (payload instanceof ContactUpdated u) {
            enrolments.apply(tenant, u.state());
        } else if (payload instanceof ContactDeleted d) {
            enrolments.stop(tenant, d.contactId(), "contact-deleted", false);
        } else if (payload instanceof ContactErased e) {
            enrolments.stop(tenant, e.contactId(), "contact-erased", true);
        } else if (payload instanceof ContactUnsubscribed u) {
            enrolments.stop(tenant, u.contactId(), "unsubscribed", false);
        } else {
            throw new IllegalArgumentException("not an enrolment event: " + payload.getClass());
        }
    }
}
