package dev.penguinmails.sending.copies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.contacts.ContactEvents;
import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.events.contacts.SuppressionAdded;
import dev.penguinmails.events.contacts.SuppressionRemoved;
import dev.penguinmails.events.domains.DomainDegraded;
import dev.penguinmails.events.domains.DomainEvents;
import dev.penguinmails.events.domains.DomainRemoved;
import dev.penguinmails.events.domains.DomainState;
import dev.penguinmails.events.domains.DomainVerified;
import dev.penguinmails.events.mailboxes.MailServer;
import dev.penguinmails.events.mailboxes.MailboxConnected;
import dev.penguinmails.events.mailboxes.MailboxEvents;
import dev.penguinmails.events.mailboxes.MailboxRemoved;
import dev.penguinmails.events.mailboxes.MailboxState;
import dev.penguinmails.events.mailboxes.MailboxUpdated;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.sending.Caller;
import dev.penguinmails.sending.SendingApiTest;
import dev.penguinmails.sending.suppression.SuppressionCopy;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.testsupport.QueueDelivery;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Sending's copies, fed through the real rule, queue and consumer: applied by version, redelivery harmless. */
@MicronautTest
@Tag("integration")
class CopiesConsumerTest extends SendingApiTest {
    private static final String MBX_1 = "mbx_" + java.util.UUID.randomUUID().toString().replace("-", "");
    private static final String MBX_2 = "mbx_" + java.util.UUID.randomUUID().toString().replace("-", "");
    private static final String MBX_OK = "mbx_" + java.util.UUID.randomUUID().toString().replace("-", "");
    private static final String MBX_GONE = "mbx_" + java.util.UUID.randomUUID().toString().replace("-", "");
    private static final String MBX_HELD = "mbx_" + java.util.UUID.randomUUID().toString().replace("-", "");

    @Test
    void aMailboxCopyIsAppliedByVersionAndARemovalIsNotUndoneByALateUpdate() {
        String ws = workspace();
        TenantContext tenant = TenantContext.system(ws, "test");
        SenderCopies copies = context.getBean(SenderCopies.class);

        publish(MailboxEvents.MAILBOX_CONNECTED, ws, new MailboxConnected(mailbox(MBX_1, "ana@acme.io", true, 2)));
        publish(MailboxEvents.MAILBOX_UPDATED, ws, new MailboxUpdated(mailbox(MBX_1, "old@acme.io", false, 1)));
        deliver();
        assertThat(copies.mailbox(tenant, MBX_1)).hasValueSatisfying(m -> {
            assertThat(m.address()).as("the older update changed nothing").isEqualTo("ana@acme.io");
            assertThat(m.version()).isEqualTo(2);
            assertThat(m.smtp().passwordSealed()).as("credentials stay sealed").isEqualTo("pm1.sealed-pw");
        });
        assertThat(copies.mailbox(TenantContext.system(workspace(), "test"), MBX_1)).as("another workspace").isEmpty();

        publish(MailboxEvents.MAILBOX_REMOVED, ws, new MailboxRemoved(MBX_1, "ana@acme.io", 3));
        deliver();
        publish(MailboxEvents.MAILBOX_UPDATED, ws, new MailboxUpdated(mailbox(MBX_1, "ana@acme.io", true, 2)));
        deliver();
        assertThat(copies.mailbox(tenant, MBX_1)).isEmpty();
        assertThat(context.getBean(VersionedCopies.class).version(tenant, SenderCopies.MAILBOXES, MBX_1)).contains(3L);
    }

    /**
     * Decision 0072: domains answers sending's hold with the held mailbox {@code failing} at a newer version. That
     * version replaces the held copy (the hold's annotation goes with it) and keeps the mailbox out of every pool,
     * since it is not eligible; the later {@code connected} version puts it back.
     */
    @Test
    void domainsFailingVersionOfAHeldMailboxKeepsItOutOfPoolsUntilItConnectsAgain() {
        String ws = workspace();
        TenantContext tenant = TenantContext.system(ws, "test");
        SenderCopies copies = context.getBean(SenderCopies.class);
        publish(MailboxEvents.MAILBOX_CONNECTED, ws, new MailboxConnected(mailbox(MBX_HELD, "cy@acme.io", true, 1)));
        deliver();
        assertThat(context.getBean(MailboxHolds.class).hold(tenant, mailbox(MBX_HELD, "cy@acme.io", true, 1), 535,
                "authentication failed", java.time.Instant.now())).isTrue();
        assertThat(copies.mailbox(tenant, MBX_HELD)).isEmpty();

        publish(MailboxEvents.MAILBOX_UPDATED, ws, new MailboxUpdated(mailbox(MBX_HELD, "cy@acme.io", false, 2)));
        deliver();
        assertThat(copies.mailboxHold(tenant, MBX_HELD)).as("the newer version replaced the held copy").isEmpty();
        assertThat(copies.mailbox(tenant, MBX_HELD).filter(MailboxState::eligibleForSending)).as("still out of sends")
                .isEmpty();
        assertThat(copies.mailboxes(tenant, List.of(MBX_HELD)).values()).as("and out of the tick's pools")
                .noneMatch(MailboxState::eligibleForSending);

        publish(MailboxEvents.MAILBOX_UPDATED, ws, new MailboxUpdated(mailbox(MBX_HELD, "cy@acme.io", true, 3)));
        deliver();
        assertThat(copies.mailboxes(tenant, List.of(MBX_HELD)).values()).singleElement()
                .satisfies(m -> assertThat(m.eligibleForSending()).isTrue());
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String ws = workspace();
        TenantContext tenant = TenantContext.system(ws, "test");
        var event = DomainEvent.create(MailboxEvents.MAILBOX_CONNECTED, ws, new MailboxConnected(mailbox(MBX_2, "bo@acme.io", true, 1)));
        context.getBean(EventPublisher.class).publish(event);
        context.getBean(EventPublisher.class).publish(event);
        deliver();
        var before = snapshot();
        context.getBean(EventPublisher.class).publish(event);
        deliver();

        assertThat(snapshot()).isEqualTo(before);
        assertThat(context.getBean(SenderCopies.class).mailbox(tenant, MBX_2)).isPresent();
    }

    @Test
    void launchChecksUseTheCopiesOfMailboxesAndDomains() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String id = created(owner, ws, READY.replace("\"mbx_1\"", "\"" + MBX_OK + "\",\"" + MBX_GONE + "\""));
        String checks = campaigns(ws) + "/" + id + "/launch-checks";

        publish(MailboxEvents.MAILBOX_CONNECTED, ws, new MailboxConnected(mailbox(MBX_OK, "ana@acme.io", true, 1)));
        deliver();
        assertThat(codes(checks, owner)).containsExactlyInAnyOrder("mailbox-unknown", "domain-not-verified");

        publish(DomainEvents.DOMAIN_VERIFIED, ws, new DomainVerified(domain("verified", true, 2), null));
        publish(MailboxEvents.MAILBOX_REMOVED, ws, new MailboxRemoved(MBX_GONE, "x@acme.io", 1));
        deliver();
        assertThat(codes(checks, owner)).containsExactly("mailbox-unknown");

        http.patch(campaigns(ws) + "/" + id, "{\"version\":1,\"mailboxes\":{\"mailboxIds\":[\"" + MBX_OK + "\"]}}", owner.headers());
        assertThat(codes(checks, owner)).isEmpty();

        publish(DomainEvents.DOMAIN_DEGRADED, ws, new DomainDegraded(domain("degraded", false, 3), List.of("spf")));
        publish(DomainEvents.DOMAIN_VERIFIED, ws, new DomainVerified(domain("verified", true, 1), null));
        deliver();
        assertThat(codes(checks, owner)).as("a degraded domain, and the older verification changes nothing")
                .containsExactly("domain-not-verified");
        assertThat(http.post(campaigns(ws) + "/" + id + "/launch", "{}", owner.headers()).status()).isEqualTo(422);

        publish(DomainEvents.DOMAIN_REMOVED, ws, new DomainRemoved("acme.io", 4));
        deliver();
        assertThat(context.getBean(SenderCopies.class).domain(TenantContext.system(ws, "t"), "acme.io")).isEmpty();
    }

    @Test
    void theSuppressionCheckFollowsEntriesByVersionForAddressesAndDomains() {
        String ws = workspace();
        TenantContext tenant = TenantContext.system(ws, "test");
        SuppressionCopy suppression = context.getBean(SuppressionCopy.class);
        String hash = EmailHashes.of(ws, "ana@acme.io");
        String entry = "eml_" + hash;

        publish(ContactEvents.SUPPRESSION_ADDED, ws, new SuppressionAdded(entry, "email", "ana@acme.io", hash, null, "unsubscribed", 1));
        publish(ContactEvents.SUPPRESSION_ADDED, ws, new SuppressionAdded("dom_competitor.io", "domain", null, null, "competitor.io", "manual", 1));
        deliver();
        assertThat(suppression.isSuppressed(tenant, "ana@acme.io")).isTrue();
        assertThat(suppression.isSuppressed(tenant, "bo@acme.io")).isFalse();
        assertThat(suppression.isSuppressed(tenant, "ceo@mail.competitor.io")).as("a domain covers its subdomains").isTrue();
        assertThat(suppression.isSuppressed(TenantContext.system(workspace(), "t"), "ana@acme.io")).as("another workspace").isFalse();

        // The removal arrives before a late copy of the addition: the entry stays removed.
        publish(ContactEvents.SUPPRESSION_REMOVED, ws, new SuppressionRemoved(entry, "email", hash, null, 2));
        deliver();
        publish(ContactEvents.SUPPRESSION_ADDED, ws, new SuppressionAdded(entry, "email", "ana@acme.io", hash, null, "unsubscribed", 1));
        deliver();
        assertThat(suppression.isSuppressed(tenant, "ana@acme.io")).isFalse();

        // Suppressed again later: the entry continues its versions.
        publish(ContactEvents.SUPPRESSION_ADDED, ws, new SuppressionAdded(entry, "email", "ana@acme.io", hash, null, "complaint", 3));
        deliver();
        assertThat(suppression.isSuppressed(tenant, "ana@acme.io")).isTrue();
    }

    private <P extends Record> void publish(EventType<P> type, String ws, P payload) {
        context.getBean(EventPublisher.class).publish(DomainEvent.create(type, ws, payload));
    }

    private void deliver() {
        List<String> failed = QueueDelivery.drain(TestAws.shared().clients().sqs(),
                stack.get(ConfigKeys.queueUrl(PenguinMailsTopology.SENDING_COPIES)), new CopiesConsumer(context)::execute);
        assertThat(failed).as("consumer failures").isEmpty();
    }

    private List<String> codes(String path, Caller caller) {
        List<String> codes = new ArrayList<>();
        http.get(path, caller.headers()).json().get("problems").forEach(p -> codes.add(p.get("code").asText()));
        return codes;
    }

    private static MailboxState mailbox(String id, String address, boolean eligible, long version) {
        return new MailboxState(id, address, "acme.io", "Ana", "smtp", eligible ? "connected" : "failing", eligible, 40,
                false, 1, 1, null, null, new MailServer("smtp.acme.io", 587, "starttls", address, "pm1.sealed-pw"),
                new MailServer("imap.acme.io", 993, "tls", address, "pm1.sealed-pw"), version);
    }

    private static DomainState domain(String status, boolean eligible, long version) {
        return new DomainState("acme.io", status, eligible, "pm1", "pm1.sealed-key", "bounce.acme.io", "track.acme.io",
                "2026-12-01T00:00:00Z", version);
    }
}
