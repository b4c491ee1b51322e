package dev.penguinmails.identity.billingnotices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.billing.BillingEvents;
import dev.penguinmails.events.billing.DunningStep;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.identity.accounts.IdentityApiTest;
import dev.penguinmails.identity.accounts.UserStore;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Billing's dunning steps, published on the bus, reach the workspace's owner as email through identity's mail path. */
@MicronautTest
@Tag("integration")
class BillingNoticeEmailTest extends IdentityApiTest {
    private static final String INVOICE_PAGE = "https://invoice.stripe.com/i/acct_test/in_test_123";

    @Test
    void aFailedPaymentMailsTheOwnerOnceWithThePageToPayAndTheGraceDay() {
        String email = newAddress("dunning");
        String workspaceId = verifiedOwnerWorkspace(email);

        publish(workspaceId, new DunningStep("payment_failed", "past_due", null, null));
        publish(workspaceId, new DunningStep("reminder", "past_due", INVOICE_PAGE, "2026-12-12T10:00:00Z"));
        deliverEmails();

        Mail mail = awaitMailWithSubject(email, 2, "Payment failed for Maria Gonzalez's team on PenguinMails");
        assertThat(mail.text()).contains("before 12 December 2026").contains(INVOICE_PAGE).doesNotContain("POST {");
        assertThat(mail.html()).contains("href=\"" + INVOICE_PAGE + "\"");
        // The verification mail and this one: payment_failed itself writes nothing, the reminder says it all.
        assertThat(mailTo(email)).hasSize(2);
    }

    @Test
    void recoveryAndTrialEndEachSendTheirOwnMail() {
        String email = newAddress("recovered");
        String workspaceId = verifiedOwnerWorkspace(email);

        publish(workspaceId, new DunningStep("recovered", "active", null, null));
        publish(workspaceId, new DunningStep("trial_will_end", "trialing", null, "2026-12-20T00:00:00Z"));
        deliverEmails();

        awaitMailWithSubject(email, 3, "Payment received for Maria Gonzalez's team on PenguinMails");
        Mail trial = awaitMailWithSubject(email, 3, "Your PenguinMails trial for Maria Gonzalez's team ends soon");
        assertThat(trial.text()).contains("ends on 20 December 2026");
    }

    @Test
    void aStepForAWorkspaceIdentityDoesNotKnowIsAcknowledgedWithoutMail() {
        String email = newAddress("unknown-ws");
        verifiedOwnerWorkspace(email);

        publish("ws_01JD5Q2X7V4G0ZK3M8N6P9R2TS", new DunningStep("sending_paused", "past_due", INVOICE_PAGE, null));
        deliverEmails();

        assertThat(mailTo(email)).hasSize(1);
    }

    private String verifiedOwnerWorkspace(String email) {
        String userId = signUpVerified(email);
        return context.getBean(UserStore.class).find(userId).orElseThrow().homeWorkspaceId();
    }

    private void publish(String workspaceId, DunningStep step) {
        context.getBean(EventPublisher.class).publish(DomainEvent.create(BillingEvents.DUNNING_STEP, workspaceId, step));
    }
}
