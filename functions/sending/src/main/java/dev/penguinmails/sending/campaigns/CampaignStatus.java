package dev.penguinmails.sending.campaigns;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A campaign's life: draft → active (launch) ⇄ paused (pause, resume) → completed (when every enrolment is done),
 * and archived from any state but itself (decision 0044). Archived and completed campaigns keep their history only.
 */
public enum CampaignStatus {
    DRAFT, ACTIVE, PAUSED, COMPLETED, ARCHIVED;

    /** What moves a campaign from one status to another. */
    public enum Action { LAUNCH, PAUSE, RESUME, COMPLETE, ARCHIVE }

    private static final Map<CampaignStatus, Map<Action, CampaignStatus>> MOVES = Map.of(
            DRAFT, Map.of(Action.LAUNCH, ACTIVE, Action.ARCHIVE, ARCHIVED),
            ACTIVE, Map.of(Action.PAUSE, PAUSED, Action.COMPLETE, COMPLETED, Action.ARCHIVE, ARCHIVED),
            PAUSED, Map.of(Action.RESUME, ACTIVE, Action.COMPLETE, COMPLETED, Action.ARCHIVE, ARCHIVED),
            COMPLETED, Map.of(Action.ARCHIVE, ARCHIVED),
            ARCHIVED, Map.of());

    /** The status {@code action} leads to from this one; empty if the move is not allowed. */
    public Optional<CampaignStatus> after(Action action) {
        return Optional.ofNullable(MOVES.get(this).get(action));
    }

    /** The actions allowed from this status. */
    public Set<Action> allowed() {
        return MOVES.get(this).keySet();
    }

    /** Whether its settings may still change at all (completed and archived campaigns are history). */
    public boolean editable() {
        return this == DRAFT || this == ACTIVE || this == PAUSED;
    }

    /** Whether its audience may change: only before launch, which enrols it. */
    public boolean audienceEditable() {
        return this == DRAFT;
    }

    /** Whether its sequence's content may change: not while it sends (pause it first). */
    public boolean contentEditable() {
        return this == DRAFT || this == PAUSED;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
