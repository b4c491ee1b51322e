package dev.penguinmails.shared.plans;

/**
 * A family's copy of what a workspace's plan allows, kept from billing's {@code billing.plan.changed} and applied by
 * {@code version} (decision 0023). Every family keeps every limit, so the copy is the same item everywhere; each
 * enforces only the ones it owns. A workspace billing never published for is on the family's defaults (the free
 * plan, version 0).
 *
 * @param planId               the plan in force, e.g. {@code free}
 * @param mailboxes            mailboxes the workspace may have connected (domains)
 * @param contacts             contacts the workspace may hold (contacts)
 * @param emailsPerMonth       emails a month (billing's quota)
 * @param workspacesPerAccount workspaces the owner may own (identity)
 * @param seats                members plus pending invitations (identity)
 * @param version              billing's version of the plan; 0 for defaults
 */
public record PlanCopy(String planId, int mailboxes, int contacts, int emailsPerMonth, int workspacesPerAccount,
                       int seats, long version) { }
