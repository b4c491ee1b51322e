package dev.penguinmails.sending.copies;

import dev.penguinmails.events.domains.DomainState;
import dev.penguinmails.events.mailboxes.MailboxState;
import dev.penguinmails.sending.campaigns.CampaignDefinition;
import dev.penguinmails.sending.launch.LaunchProblem;
import dev.penguinmails.sending.launch.SenderCheck;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Launch check: every mailbox of the pool is known, connected, may send and is not held (its server refused it), on a
 * domain verified for sending.
 */
@Singleton
class MailboxPoolCheck implements SenderCheck {
    private final SenderCopies copies;

    MailboxPoolCheck(SenderCopies copies) {
        this.copies = copies;
    }

    @Override
    public List<LaunchProblem> check(TenantContext tenant, CampaignDefinition definition) {
        List<LaunchProblem> problems = new ArrayList<>();
        List<String> ids = definition.mailboxes().mailboxIds();
        for (int i = 0; i < ids.size(); i++) {
            String field = "mailboxes.mailboxIds[" + i + "]";
            Optional<MailboxState> mailbox = copies.mailbox(tenant, ids.get(i));
            Optional<String> held = mailbox.isEmpty() ? copies.mailboxHold(tenant, ids.get(i)) : Optional.empty();
            if (held.isPresent()) {
                problems.add(new LaunchProblem("mailbox-held", field, "Mailbox " + ids.get(i) + " was refused by its server ("
                        + held.get() + "); fix its credentials or connection, then test it again."));
                continue;
            }
            if (mailbox.isEmpty()) {
                problems.add(new LaunchProblem("mailbox-unknown", field, "The workspace has no connected mailbox " + ids.get(i) + "."));
                continue;
            }
            MailboxState m = mailbox.get();
            if (!m.eligibleForSending()) {
                problems.add(new LaunchProblem("mailbox-not-connected", field, "Mailbox " + m.address() + " may not send now ("
                        + m.status() + "); test its connection."));
            }
            Optional<DomainState> domain = copies.domain(tenant, m.domain());
            if (domain.isEmpty() || !domain.get().eligibleForSending()) {
                problems.add(new LaunchProblem("domain-not-verified", field, "The domain " + m.domain() + " of " + m.address()
                        + " is " + domain.map(DomainState::status).orElse("not verified") + "; verify it first."));
            }
        }
        return problems;
    }
}
