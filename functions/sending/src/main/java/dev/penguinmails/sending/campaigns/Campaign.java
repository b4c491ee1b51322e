package dev.penguinmails.sending.campaigns;

import java.time.Instant;

/** A workspace's campaign: its status, what its owner set, and the version that guards every change. */
public record Campaign(String workspaceId, String id, CampaignStatus status, CampaignDefinition definition,
                       Instant createdAt, Instant updatedAt, long version) {

    public Campaign withStatus(CampaignStatus next, Instant now) {
        return new Campaign(workspaceId, id, next, definition, createdAt, now, version + 1);
    }

    public Campaign withDefinition(CampaignDefinition next, Instant now) {
        return new Campaign(workspaceId, id, status, next, createdAt, now, version + 1);
    }
}
