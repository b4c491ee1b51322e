package dev.penguinmails.identity.signup;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.accounts.AccountSignedUp;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.identity.accounts.AccountAudit;
import dev.penguinmails.identity.accounts.AccountRegistry;
import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.identity.accounts.User;
import dev.penguinmails.identity.outbox.IdentityOutbox;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Steps 3 and 4 of a signup (first workspace, {@code account.signed_up}, then the account made permanent),
 * for a new signup and for one that stopped half-way: resumed by the same person, or its address proven by
 * a verification link. Each step can run again with the same result.
 */
@Singleton
public class PendingSignups {
    private final WorkspaceBootstrap workspaces;
    private final AccountRegistry registry;
    private final IdentityOutbox outbox;
    private final AccountAudit audit;

    public PendingSignups(WorkspaceBootstrap workspaces, AccountRegistry registry, IdentityOutbox outbox, AccountAudit audit) {
        this.workspaces = workspaces;
        this.registry = registry;
        this.outbox = outbox;
        this.audit = audit;
    }

    public void finish(User user, ClientInfo client) {
        workspaces.createFirstWorkspace(user.homeWorkspaceId(), user.workspaceName(), user.userId(), user.createdAt());
        // Staged on the user before the account is made permanent, under the event id fixed at step 1: a
        // resumed signup stages the same event again, and consumers drop the copy.
        OutboxEntry owed = outbox.owe(new DomainEvent<>(IdentityEvents.ACCOUNT_SIGNED_UP, user.signupEventId(),
                        user.homeWorkspaceId(), user.createdAt(), new AccountSignedUp(user.userId(), user.userId(),
                        user.email(), user.name(), user.workspaceName(), user.locale())),
                audit.entryByUser(user.userId(), "account.signed_up", client, Map.of("workspaceId", user.homeWorkspaceId())));
        outbox.stageOnAccount(user.userId(), owed);
        registry.complete(user, false);
        outbox.deliverForAccount(user.userId(), owed);
    }
}
