package dev.penguinmails.domains.plans;

/**
 * Domains' copy of what a workspace's plan allows it: how many mailboxes it may have connected. Kept from
 * billing's {@code billing.plan.changed} events, applied by {@code version}; a workspace billing never published
 * for is on {@link PlanLimitSettings the defaults}.
 */
public record WorkspacePlan(String planId, int mailboxes, long version) { }
