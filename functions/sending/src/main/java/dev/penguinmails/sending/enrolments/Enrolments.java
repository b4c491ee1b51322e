package dev.penguinmails.sending.enrolments;

import dev.penguinmails.events.contacts.AudienceChunk;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.sending.campaigns.CampaignCompletion;
import dev.penguinmails.sending.scheduling.DueIndex;
import dev.penguinmails.sending.scheduling.SendingTime;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Applies the audience and the contact changes to enrolments: one enrolment per (campaign, contact), created
 * once, its first step due as soon as it is enrolled; the snapshot kept current by contact version; the contact's
 * active enrolments stopped when it is deleted, erased (the snapshot dropped too) or unsubscribes.
 */
@Singleton
public class Enrolments {
    /** How many times a change is retried when the enrolment changed meanwhile (the sender advanced it). */
    private static final int ATTEMPTS = 5;

    private final EnrolmentStore store;
    private final AudienceProgress audience;
    private final SendingTime time;
    private final CampaignCompletion completion;
    private final DueIndex due;

    Enrolments(EnrolmentStore store, AudienceProgress audience, SendingTime time, CampaignCompletion completion,
               DueIndex due) {
        this.store = store;
        this.due = due;
        this.audience = audience;
        this.time = time;
        this.completion = completion;
    }

    /** Enrols the chunk's active contacts; answers how many enrolments are new. */
    public int apply(TenantContext tenant, AudienceChunk chunk) {
        Instant now = time.now();
        int created = 0;
        int enrolled = 0;
        List<DueIndex.Due> dues = new ArrayList<>();
        for (ContactState contact : chunk.contacts()) {
            if (!"active".equals(contact.status())) {
                continue;
            }
            Enrolment enrolment = new Enrolment(tenant.workspaceId(), chunk.campaignId(), contact.contactId(),
                    EnrolmentStatus.ACTIVE, null, 0, now, null, List.of(), contact, 1);
            EnrolmentStore.Enrolled result = store.enrol(tenant, enrolment);
            if (result.created()) {
                created++;
            }
            if (result.due() != null) {
                dues.add(result.due());
            }
            enrolled++;
        }
        // The chunk's due entries in batched writes; a crash before them is repaired by the chunk's redelivery.
        due.putAll(dues);
        // After the enrolments: until the chunk is counted, the campaign cannot look done (decision 0066).
        audience.received(tenant, chunk.campaignId(), chunk.chunk(), chunk.chunks(), chunk.audienceSize(), enrolled);
        completion.check(tenant, chunk.campaignId());
        return created;
    }

    /** Takes a newer snapshot of the contact into each of its enrolments; an older one changes nothing. */
    public void apply(TenantContext tenant, ContactState state) {
        for (Enrolment e : store.ofContact(tenant, state.contactId())) {
            change(tenant, e, current -> current.contact() == null || current.contact().version() >= state.version()
                    ? null : with(current, current.status(), current.stopReason(), state));
        }
        if (!"active".equals(state.status())) {
            stop(tenant, state.contactId(), "contact-" + state.status(), false);
        }
    }

    /** Stops the contact's active enrolments; {@code erase} also drops the snapshot of an enrolment in any status. */
    public void stop(TenantContext tenant, String contactId, String reason, boolean erase) {
        for (Enrolment e : store.ofContact(tenant, contactId)) {
            change(tenant, e, current -> {
                boolean active = current.status() == EnrolmentStatus.ACTIVE;
                if (!active && !(erase && current.contact() != null)) {
                    return null;
                }
                return with(current, active ? EnrolmentStatus.STOPPED : current.status(),
                        active ? reason : current.stopReason(), erase ? null : current.contact());
            });
        }
    }

    /** Applies {@code change} (null: nothing to do) to the freshest copy, retrying when it changed meanwhile. */
    private void change(TenantContext tenant, Enrolment read, UnaryOperator<Enrolment> change) {
        Enrolment current = read;
        for (int i = 0; i < ATTEMPTS; i++) {
            Enrolment next = change.apply(current);
            if (next == null || store.replace(tenant, current, next)) {
                return;
            }
            Optional<Enrolment> fresh = store.get(tenant, current.id());
            if (fresh.isEmpty()) {
                return;
            }
            current = fresh.get();
        }
        throw new IllegalStateException("enrolment " + read.id() + " kept changing");
    }

    private static Enrolment with(Enrolment e, EnrolmentStatus status, String reason, ContactState contact) {
        return new Enrolment(e.workspaceId(), e.campaignId(), e.contactId(), status, reason, e.step(), e.dueAt(),
                e.mailboxId(), e.messageIds(), contact, e.version() + 1);
    }
}
