package dev.penguinmails.contacts.audiences;

import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Removes the snapshots of audiences published longer ago than {@code snapshot-retention} (decision 0056): about 40
 * bytes a contact per launch, never read again once every chunk went out. The audience row stays, so a late or
 * repeated {@code campaign.launched} for that version still resolves nothing.
 */
@Singleton
public class AudienceSnapshots {
    private final AudienceStore store;
    private final AudienceSettings settings;

    AudienceSnapshots(AudienceStore store, AudienceSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** Prunes the workspace's snapshots finished before {@code now} less the retention; the contact ids removed. */
    public int prune(String workspaceId, Instant now) {
        return store.pruneSnapshots(workspaceId, now.minus(settings.snapshotRetention()));
    }
}
