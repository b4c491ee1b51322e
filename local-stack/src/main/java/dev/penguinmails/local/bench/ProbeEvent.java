package dev.penguinmails.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.local.http.ApiGatewayResponses;
import dev.penguinmails.local.queues.BatchResult;
import dev.penguinmails.local.queues.QueuePoller;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The event one entry point is probed with, built before the timed region, and what its response means.
 * Each kind judges success as the service that invokes the Lambda would.
 */
public sealed interface ProbeEvent extends AutoCloseable {

    String json();

    /** Releases what building the event opened. */
    @Override
    default void close() {
    }

    /** What the invocation's response means; the queue event also deletes what the handler handled. */
    Verdict settle(String responseJson);

    /** The invocation threw or timed out: nothing is deleted (the messages come back, as on Lambda). */
    default Verdict failed(String error) {
        return new Verdict(false, error);
    }

    /** Whether the invocation succeeded, and a short detail for the report. */
    record Verdict(boolean succeeded, String detail) { }

    /** A signup through the HTTP API: succeeds only with 202 (accepted, verification email to follow). */
    record Signup(String json, String email, ApiGatewayResponses responses) implements ProbeEvent {
        @Override
        public Verdict settle(String responseJson) {
            int status;
            try {
                status = responses.toReply(responseJson).status();
            } catch (ApiGatewayResponses.InvalidResponseException e) {
                return new Verdict(false, "invalid response: " + e.getMessage());
            }
            return new Verdict(status == 202, "HTTP " + status + " for " + email);
        }
    }

    /** A batch received from the entry point's queue; succeeds when no message is reported failed. */
    record Batch(String json, List<Message> messages, String queueName, String queueUrl, SqsClient sqs,
                 ObjectMapper mapper) implements ProbeEvent {
        public Batch {
            messages = List.copyOf(messages);
        }

        @Override
        public Verdict settle(String responseJson) {
            List<String> ids = messages.stream().map(Message::messageId).toList();
            BatchResult result = BatchResult.parse(mapper, responseJson, ids);
            QueuePoller.delete(sqs, queueUrl, queueName, result.handled(messages));
            int failures = result.failedMessageIds().size();
            return new Verdict(failures == 0, failures + " batchItemFailures of " + messages.size() + " message(s)"
                    + (result.wholeBatchFailed() ? " (the whole batch)" : ""));
        }

        @Override
        public void close() {
            sqs.close();
        }
    }

    /** A schedule rule firing; succeeds when the handler returns. */
    record Schedule(String json) implements ProbeEvent {
        @Override
        public Verdict settle(String responseJson) {
            return new Verdict(true, "returned");
        }
    }
}
