package dev.penguinmails.identity.plans;

/**
 * Identity's copy of what a workspace's plan allows it: the seats (members plus pending invitations) and how
 * many workspaces its primary owner may own. Kept from billing's {@code billing.plan.changed} events, applied by
 * {@code version}; a workspace billing never published for is on {@link PlanLimitSettings the defaults}.
 */
public record WorkspacePlan(String planId, int seats, int workspacesPerAccount, long version) { }
