package dev.penguinmails.sending.campaigns;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.events.sending.CampaignLaunched;
import dev.penguinmails.events.sending.SendingEvents;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates, changes and moves campaigns through their {@link CampaignStatus status machine}. What may change
 * depends on the status (decision 0044): the audience only in a draft, the content only while not sending, nothing
 * once completed or archived. Every change names the version it was based on.
 */
@Singleton
public class CampaignService {
    private final CampaignStore store;
    private final ContentRules content;
    private final LaunchGate launchGate;
    private final Outbox outbox;

    CampaignService(CampaignStore store, ContentRules content, LaunchGate launchGate, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
        this.content = content;
        this.launchGate = launchGate;
    }

    public Campaign create(TenantContext tenant, CampaignRequests.Create request) {
        CampaignDefinition definition = request.definition();
        check(definition);
        Instant now = Instant.now();
        Campaign campaign = new Campaign(tenant.workspaceId(), Ids.newId("cmp"), CampaignStatus.DRAFT, definition, now, now, 1);
        if (!store.create(tenant, campaign)) {
            throw new IllegalStateException("campaign id collision: " + campaign.id());
        }
        return campaign;
    }

    public Page<Campaign> list(TenantContext tenant, PageRequest page) {
        return store.list(tenant, page);
    }

    public Campaign get(TenantContext tenant, String id) {
        return store.get(tenant, id).orElseThrow(CampaignProblems::notFound);
    }

    public Campaign update(TenantContext tenant, String id, CampaignRequests.Update request) {
        Campaign current = get(tenant, id);
        requireVersion(current, request.version());
        if (!current.status().editable()) {
            throw CampaignProblems.locked("A " + current.status().wire() + " campaign cannot change.");
        }
        if (request.audience() != null && !current.status().audienceEditable()) {
            throw CampaignProblems.locked("The audience was enrolled at launch and cannot change; create a new campaign "
                    + "for other contacts.");
        }
        if (request.changesContent() && !current.status().contentEditable()) {
            throw CampaignProblems.locked("The content of an active campaign cannot change while it sends; pause it "
                    + "first (changes apply to the emails not yet sent).");
        }
        CampaignDefinition next = request.applyTo(current.definition());
        check(next);
        Campaign changed = current.withDefinition(next, Instant.now());
        if (!store.replace(tenant, current.version(), changed)) {
            throw CampaignProblems.changedMeanwhile(get(tenant, id).version());
        }
        return changed;
    }

    /** Deletes a draft or an archived campaign; one that has sent is archived instead, which keeps its history. */
    public void delete(TenantContext tenant, String id) {
        Campaign current = get(tenant, id);
        if (current.status() != CampaignStatus.DRAFT && current.status() != CampaignStatus.ARCHIVED) {
            throw CampaignProblems.locked("A " + current.status().wire() + " campaign cannot be deleted; archive it.");
        }
        if (!store.delete(tenant, current)) {
            throw CampaignProblems.changedMeanwhile(get(tenant, id).version());
        }
    }

    /** Moves the campaign by {@code action}; a launch first passes every {@link LaunchGate launch check}. */
    public Campaign move(TenantContext tenant, String id, CampaignStatus.Action action, Long expectedVersion) {
        Campaign current = get(tenant, id);
        if (expectedVersion != null) {
            requireVersion(current, expectedVersion);
        }
        CampaignStatus next = current.status().after(action)
                .orElseThrow(() -> CampaignProblems.illegal(current.status(), action));
        if (action == CampaignStatus.Action.LAUNCH || action == CampaignStatus.Action.RESUME) {
            launchGate.requireReady(tenant, current);
        }
        Campaign moved = current.withStatus(next, Instant.now());
        // A launch owes campaign.launched (contacts resolves the audience): written with the status, then delivered.
        OutboxEntry owed = action == CampaignStatus.Action.LAUNCH
                ? outbox.entry().event(DomainEvent.create(SendingEvents.CAMPAIGN_LAUNCHED, tenant.workspaceId(),
                        new CampaignLaunched(moved.id(), moved.version(), moved.definition().audience().listIds(),
                                moved.definition().audience().segmentIds()))).build()
                : null;
        if (!store.replace(tenant, current.version(), moved, owed)) {
            throw CampaignProblems.changedMeanwhile(get(tenant, id).version());
        }
        if (owed != null) {
            outbox.deliver(store.table(), CampaignStore.key(tenant, moved.id()), owed);
        }
        return moved;
    }

    private void check(CampaignDefinition definition) {
        List<FieldError> errors = new ArrayList<>(CampaignDefinition.check(definition));
        errors.addAll(content.check(definition));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void requireVersion(Campaign current, long expected) {
        if (current.version() != expected) {
            throw CampaignProblems.changedMeanwhile(current.version());
        }
    }
}
