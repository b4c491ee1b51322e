package dev.penguinmails.sending.sender;

/**
 * Whether the workspace's plan lets one more email leave now. Billing will implement it (from its own copy of
 * usage, fed by events); until then {@link AllowAllQuota} is bound and every send is allowed.
 */
public interface SendingQuota {
    boolean allows(String workspaceId);
}
