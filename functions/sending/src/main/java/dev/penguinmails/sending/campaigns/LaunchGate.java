package dev.penguinmails.sending.campaigns;

import dev.penguinmails.shared.tenancy.TenantContext;

/** What a campaign must pass before it sends: the launch checks. */
public interface LaunchGate {
    /** Returns if the campaign may send; throws a problem listing every reason it may not. */
    void requireReady(TenantContext tenant, Campaign campaign);
}
