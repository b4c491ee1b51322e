package dev.penguinmails.sending;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.penguinmails.emulators.GreenMailServer;
import dev.penguinmails.emulators.PublishedEvent;
import dev.penguinmails.events.contacts.AudienceChunk;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.events.domains.DomainState;
import dev.penguinmails.events.mailboxes.MailServer;
import dev.penguinmails.events.mailboxes.MailboxState;
import dev.penguinmails.sending.copies.SenderCopies;
import dev.penguinmails.sending.enrolments.Enrolments;
import dev.penguinmails.sending.scheduling.SendingTime;
import dev.penguinmails.shared.secrets.SecretBox;
import dev.penguinmails.shared.secrets.SecretContext;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.testsupport.MutableClock;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * Base of the fan-out tests: a GreenMail server the SMTP mailbox copies point at, a DKIM key sealed as the domains
 * family seals it, a controllable clock, and helpers to launch a campaign and enrol contacts as contacts would.
 */
public abstract class SendingFlow extends SendingApiTest {
    protected static final GreenMailServer GREEN_MAIL = GreenMailServer.start(0, 0);
    protected static final KeyPair DKIM = dkimKey();
    /** Monday 2026-12-07 10:00 UTC: inside the default window (mon-fri 09:00-17:00 UTC). */
    protected static final Instant MONDAY_10 = Instant.parse("2026-12-07T10:00:00Z");

    protected MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        // As the topology gives it: unsubscribe links default to the public API URL.
        properties.put("penguinmails.api.base-url", "https://u.acme-mail.io");
        properties.put("penguinmails.sending.sender.max-attempts", "2");
        properties.putAll(extraProperties());
        return properties;
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @AfterAll
    void stopGreenMail() {
        // The server is shared by the class's tests; each test uses its own recipients.
    }

    protected MutableClock clockAt(Instant start) {
        clock = new MutableClock(start);
        context.getBean(SendingTime.class).use(clock);
        return clock;
    }

    protected static TenantContext tenant(String workspaceId) {
        return TenantContext.system(workspaceId, "test");
    }

    /** An SMTP mailbox copy that sends through GreenMail, on a verified domain with a sealed DKIM key. */
    protected void smtpSender(String workspaceId, String mailboxId, String address, String provider) {
        String domain = address.substring(address.indexOf('@') + 1);
        SenderCopies copies = context.getBean(SenderCopies.class);
        copies.applyMailbox(tenant(workspaceId), new MailboxState(mailboxId, address, domain, "Ana", provider, "connected",
                true, 40, false, 1, 1, null, null,
                new MailServer("127.0.0.1", GREEN_MAIL.smtpPort(), "none", null, null), null, 1));
        String sealed = context.getBean(SecretBox.class).seal(DKIM.getPrivate().getEncoded(),
                new SecretContext(workspaceId, "dkim-private-key", domain + "/pm1"));
        copies.applyDomain(tenant(workspaceId), new DomainState(domain, "verified", true, "pm1", sealed,
                "bounce." + domain, "track." + domain, null, 1));
    }

    /** On Monday 10:00 UTC, launches READY in {@code workspaceId} with one SMTP mailbox, {@code mbx_smtp}. */
    protected String launchedWithOneSmtpMailbox(String workspaceId) {
        clockAt(MONDAY_10);
        smtpSender(workspaceId, "mbx_smtp", "ana@mail.acme.io", "smtp");
        return launched(workspaceId, READY, "mbx_smtp");
    }

    /** Creates {@code json} (its mailbox ids replaced by {@code mailboxIds}), launches it and answers its id. */
    protected String launched(String workspaceId, String json, String... mailboxIds) {
        Caller owner = Caller.owner(workspaceId);
        String pool = String.join(",", Arrays.stream(mailboxIds).map(id -> "\"" + id + "\"").toList());
        String id = created(owner, workspaceId, json.replace("\"mbx_1\"", pool));
        var launch = http.post(campaigns(workspaceId) + "/" + id + "/launch", "{}", owner.headers());
        if (launch.status() != 200) {
            throw new AssertionError("launch failed: " + launch);
        }
        return id;
    }

    protected static ContactState contact(String workspaceId, String contactId, String email, String firstName,
                                          String timezone, long version) {
        return new ContactState(contactId, email, EmailHashes.of(workspaceId, email), firstName, null, "Acme", null,
                null, timezone, null, null, "api", "active", version);
    }

    /** Enrols {@code contacts} as one chunk, as contacts answers campaign.launched. */
    protected int enrol(String workspaceId, String campaignId, List<ContactState> contacts) {
        return context.getBean(Enrolments.class).apply(tenant(workspaceId),
                new AudienceChunk(campaignId, 2, 0, 1, contacts.size(), contacts));
    }

    /** The messages GreenMail received for {@code recipient}. */
    protected static List<MimeMessage> received(String recipient) {
        return Arrays.stream(GREEN_MAIL.greenMail().getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(recipient));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    protected static String wire(MimeMessage message) {
        return GreenMailUtil.getWholeMessage(message);
    }

    protected List<PublishedEvent> published(String detailType, String workspaceId) {
        return TestAws.shared().eventBridge().publishedEvents(stack.get(ConfigKeys.EVENT_BUS)).stream()
                .filter(e -> e.detailType().equals(detailType) && e.detail().contains("\"" + workspaceId + "\""))
                .toList();
    }

    private static KeyPair dkimKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
