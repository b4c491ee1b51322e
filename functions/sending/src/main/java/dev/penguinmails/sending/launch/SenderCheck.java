package dev.penguinmails.sending.launch;

import dev.penguinmails.sending.campaigns.CampaignDefinition;
import dev.penguinmails.shared.tenancy.TenantContext;
import java.util.List;

/** A launch check about who sends: the pool's mailboxes and their domains, from sending's own copies. */
public interface SenderCheck {
    List<LaunchProblem> check(TenantContext tenant, CampaignDefinition definition);
}
