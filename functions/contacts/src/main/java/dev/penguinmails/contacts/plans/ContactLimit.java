package dev.penguinmails.contacts.plans;

import dev.penguinmails.shared.plans.PlanCopy;
import dev.penguinmails.shared.plans.PlanLimit;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * Enforces the limit contacts owns: how many contacts a workspace may hold (every contact not deleted, whatever its
 * status). A place is taken in the workspace's {@link ContactCount} before a contact is written, so concurrent
 * creates never pass the limit; contacts above it after a downgrade stay, only new ones are refused.
 */
@Singleton
public class ContactLimit {
    /** Conditional writes lost to other requests before a batch gives up (its queue message is retried). */
    private static final int ATTEMPTS = 50;

    private final ContactPlanStore plans;
    private final PlanLimitSettings settings;
    private final ContactCount count;

    ContactLimit(ContactPlanStore plans, PlanLimitSettings settings, ContactCount count) {
        this.plans = plans;
        this.settings = settings;
        this.count = count;
    }

    /** The plan contacts holds for the workspace: the last one billing published, or the defaults. */
    public PlanCopy planOf(TenantContext tenant) {
        return plans.find(tenant.workspaceId()).orElseGet(settings::defaults);
    }

    /** Takes the place of one new contact; 409 {@code plan-limit} naming the limit and the count when none is free. */
    public void takeOne(TenantContext tenant) {
        PlanCopy plan = planOf(tenant);
        if (takeUpTo(tenant, 1, plan) == 0) {
            long inUse = count.read(tenant).map(ContactCount.State::inUse).orElse(0L);
            throw PlanLimit.reached("contacts", plan.planId(), plan.contacts(), inUse, "Delete contacts you no longer "
                    + "need, or move the workspace to a plan with more contacts.");
        }
    }

    /** Forgets the places noted for an import batch, once its contacts are written. */
    public void forgetBatch(TenantContext tenant, String batch) {
        count.forgetBatch(tenant, batch);
    }

    /** Gives back the places of contacts deleted, or of creates that did not write their contact. */
    public void giveBack(TenantContext tenant, int places) {
        if (places > 0) {
            count.giveBack(tenant, places);
        }
    }

    /** The reason an import gives a row it did not create for want of a place. */
    public String importReason(TenantContext tenant) {
        PlanCopy plan = planOf(tenant);
        return "plan contact limit reached: the " + plan.planId() + " plan allows " + plan.contacts() + " contacts";
    }

    /**
     * Takes up to {@code wanted} places for the new contacts of an import batch, once per batch: a batch planned again
     * after a crash finds the places its first run took (less those of its contacts {@code written} since) instead of
     * taking more. {@link #forgetBatch} ends this once the batch's contacts are written.
     */
    public int takeForBatch(TenantContext tenant, String batch, int wanted, int written) {
        return take(tenant, wanted, planOf(tenant), batch, written);
    }

    private int takeUpTo(TenantContext tenant, int wanted, PlanCopy plan) {
        return take(tenant, wanted, plan, null, 0);
    }

    private int take(TenantContext tenant, int wanted, PlanCopy plan, @Nullable String batch, int written) {
        boolean repaired = false;
        for (int attempt = 0; attempt < ATTEMPTS && wanted > 0; attempt++) {
            Optional<ContactCount.State> state = count.read(tenant);
            if (state.isEmpty()) {
                count.start(tenant);
                continue;
            }
            Long held = batch == null ? null : state.get().batches().get(batch);
            if (held != null) {
                return (int) Math.max(0, Math.min(wanted, held - written));
            }
            long free = plan.contacts() - state.get().inUse();
            if (free <= 0) {
                // A place held by a create that crashed is found by counting again, once the counter stood still.
                if (repaired || !stale(state.get()) || !count.recount(tenant, state.get())) {
                    return 0;
                }
                repaired = true;
                continue;
            }
            int places = (int) Math.min(wanted, free);
            boolean taken = batch == null ? count.take(tenant, places, plan.contacts())
                    : count.takeForBatch(tenant, batch, places, plan.contacts(), written + places);
            if (taken) {
                return places;
            }
        }
        if (wanted > 0) {
            throw new IllegalStateException("contact places of " + tenant.workspaceId() + " are too contended; try again");
        }
        return 0;
    }

    private boolean stale(ContactCount.State state) {
        return state.changedAt().plus(settings.recountAfter()).isBefore(Instant.now());
    }
}
