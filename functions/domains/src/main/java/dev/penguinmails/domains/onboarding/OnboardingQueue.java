package dev.penguinmails.domains.onboarding;

import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Queues a slice of a job on {@code domains-onboarding}: the first when a file is submitted, the next after a slice. */
@Singleton
class OnboardingQueue {
    private final SqsClient sqs;
    private final JsonMapper json;
    private final String queueUrl;

    OnboardingQueue(SqsClient sqs, JsonMapper json,
                    @Property(name = "penguinmails.queues." + PenguinMailsTopology.DOMAINS_ONBOARDING) String queueUrl) {
        this.sqs = sqs;
        this.json = json;
        this.queueUrl = queueUrl;
    }

    void send(String workspaceId, String jobId) {
        String body;
        try {
            body = json.writeValueAsString(new Slice(workspaceId, jobId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
    }

    /** The message: which job to work on; all else is in the job's item. */
    @Serdeable
    record Slice(String workspaceId, String jobId) { }
}
