package dev.penguinmails.sending.sender;

import jakarta.inject.Singleton;

/** The default {@link SendingQuota}: allows everything. A billing-backed implementation replaces it with {@code @Replaces}. */
@Singleton
public class AllowAllQuota implements SendingQuota {
    @Override
    public boolean allows(String workspaceId) {
        return true;
    }
}
