package dev.penguinmails.contacts.audiences;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventCodec;
import dev.penguinmails.events.sending.CampaignLaunched;
import dev.penguinmails.events.sending.SendingEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQS handler of queue {@code contacts-audiences}: {@code campaign.launched} events (routed from sending) and the
 * audiences' own next-slice messages. It is not an event-id de-duplicating consumer: the audience row, one per
 * (campaign, version), makes a launch idempotent, and a redelivered launch only continues an unfinished audience.
 * A message that fails is retried after the visibility timeout and, after the queue's receives, dead-lettered; the
 * audience's progress stays where the last accepted batch left it, so a redrive resumes without a gap.
 */
public class AudienceConsumer extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(AudienceConsumer.class);

    /** The constructor Lambda uses. */
    public AudienceConsumer() { }

    /** For tests and the local stack: runs in an existing context. */
    public AudienceConsumer(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent input) {
        Instant started = Instant.now();
        AudienceWorker worker = applicationContext.getBean(AudienceWorker.class);
        EventCodec codec = applicationContext.getBean(EventCodec.class);
        JsonMapper json = applicationContext.getBean(JsonMapper.class);
        List<BatchItemFailure> failures = new ArrayList<>();
        List<SQSMessage> messages = input == null || input.getRecords() == null ? List.of() : input.getRecords();
        for (SQSMessage message : messages) {
            try {
                JsonNode body = json.readValue(message.getBody(), JsonNode.class);
                if (body != null && body.isObject() && body.get("detail-type") != null) {
                    DomainEvent<CampaignLaunched> launch = codec.decode(codec.parse(message.getBody()),
                            SendingEvents.CAMPAIGN_LAUNCHED);
                    LOG.info("Campaign {} v{} launched: {}", launch.payload().campaignId(), launch.payload().version(),
                            worker.launch(launch.workspaceId(), launch.payload(), started));
                } else {
                    AudienceQueue.Slice slice = json.readValue(message.getBody(), AudienceQueue.Slice.class);
                    LOG.info("Campaign {} v{} audience slice: {}", slice.campaignId(), slice.campaignVersion(),
                            worker.run(slice.workspaceId(), slice.campaignId(), slice.campaignVersion(), started));
                }
            } catch (Exception e) {
                LOG.error("Audience message {} failed; it will be retried", message.getMessageId(), e);
                failures.add(new BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
