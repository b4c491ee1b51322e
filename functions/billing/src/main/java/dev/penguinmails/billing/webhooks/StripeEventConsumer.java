package dev.penguinmails.billing.webhooks;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.penguinmails.shared.priming.EarlyPriming;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQS handler of the FIFO queue {@code billing-stripe-events}. Messages of one customer arrive in order, so it
 * fails the rest of a batch after a failure, keeping their order for the retry.
 */
public class StripeEventConsumer extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(StripeEventConsumer.class);

    static {
        // Runs when Lambda loads this handler, before its context is built: the first call's Stripe fetch, primed.
        EarlyPriming.add(StripeFetchPrimer::new);
    }
    private final StripeEventHandler handler;
    private final JsonMapper json;

    /** The constructor Lambda uses. */
    public StripeEventConsumer() {
        this.handler = applicationContext.getBean(StripeEventHandler.class);
        this.json = applicationContext.getBean(JsonMapper.class);
    }

    /** For tests and the local stack: runs in an existing context. */
    public StripeEventConsumer(ApplicationContext context) {
        super(context);
        this.handler = context.getBean(StripeEventHandler.class);
        this.json = context.getBean(JsonMapper.class);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent input) {
        List<BatchItemFailure> failures = new ArrayList<>();
        boolean failRest = false;
        List<SQSMessage> messages = input == null || input.getRecords() == null ? List.of() : input.getRecords();
        for (SQSMessage message : messages) {
            // FIFO: once a message fails, the later ones of the batch wait for it rather than overtake it.
            if (failRest || !handle(message)) {
                failures.add(new BatchItemFailure(message.getMessageId()));
                failRest = true;
            }
        }
        return new SQSBatchResponse(failures);
    }

    private boolean handle(SQSMessage message) {
        StripeEventNotice notice;
        try {
            notice = json.readValue(message.getBody(), StripeEventNotice.class);
        } catch (Exception unreadable) {
            LOG.error("Message {} is no Stripe event notice; it will reach the dead-letter queue", message.getMessageId());
            return false;
        }
        return handler.handleOnce(notice);
    }
}
