package dev.penguinmails.identity.emails;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.consume.SqsEventConsumer;
import dev.penguinmails.events.billing.BillingEvents;
import dev.penguinmails.events.identity.IdentityEvents;
import io.micronaut.context.ApplicationContext;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQS handler of queue {@code identity-emails}, which the rule {@code {"source":["penguinmails.identity"]}}
 * feeds with every identity event, and the rule {@code identity-billing-notices} with billing's dunning steps. It hands each event to the {@link IdentityEmail} beans of its
 * detail-type and sends what they compose; events that no email answers are acknowledged. Each email
 * is recorded once sent, so a retried event sends only what is missing.
 */
public class AccountEmailConsumer extends SqsEventConsumer<Record> {
    private static final Logger LOG = LoggerFactory.getLogger(AccountEmailConsumer.class);

    private List<IdentityEmail> emails;
    private MailTransport transport;
    private SentEmails sent;
    private Set<EventType<? extends Record>> types;

    /** The constructor Lambda uses. */
    public AccountEmailConsumer() {
        super();
        init();
    }

    /** For tests and the local stack: runs in an existing context. */
    public AccountEmailConsumer(ApplicationContext context) {
        super(context);
        init();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void init() {
        Collection<IdentityEmail> beans = applicationContext.getBeansOfType(IdentityEmail.class);
        this.emails = List.copyOf(beans);
        this.transport = applicationContext.getBean(MailTransport.class);
        this.sent = applicationContext.getBean(SentEmails.class);
        // The rules route the whole identity source and billing's dunning steps here; each email picks its
        // detail-type in handle().
        this.types = (Set) new LinkedHashSet<>(IdentityEvents.ALL);
        this.types.add(BillingEvents.DUNNING_STEP);
    }

    @Override
    protected String consumerName() {
        return "identity-emails";
    }

    @Override
    protected Set<EventType<? extends Record>> eventTypes() {
        return types;
    }

    @Override
    protected void handle(DomainEvent<Record> event) {
        String detailType = event.type().detailType();
        for (IdentityEmail email : emails) {
            if (!email.detailType().equals(detailType) || sent.wasSent(event.eventId(), email.name())) {
                continue;
            }
            email.compose(event).ifPresent(message -> {
                transport.send(message);
                LOG.info("Sent {} for {} {}", email.name(), detailType, event.eventId());
            });
            sent.recordSent(event.eventId(), email.name());
        }
    }
}
