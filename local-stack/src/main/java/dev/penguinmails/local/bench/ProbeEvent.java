package dev.penguinmails.local.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.local.http.ApiGatewayResponses;
import dev.penguinmails.local.queues.BatchResult;
import dev.penguinmails.local.queues.QueuePoller;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The event one entry point is probed with, built before the timed region, and what its response means.
 * Each kind judges success as the service that invokes the Lambda would.
 */
public sealed interface ProbeEvent extends AutoCloseable {

    String json();

    /** The request an HTTP event carries, as {@code METHOD /route/{variable}}; empty for other events. */
    default String route() {
        return "";
    }

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

    /**
     * Whether the invocation succeeded, a short detail for the report, and what an authorizer answered
     * (its context, as JSON), which a later probe of the request it authorized hands the function.
     */
    record Verdict(boolean succeeded, String detail, Optional<String> authorizerContext) {
        public Verdict(boolean succeeded, String detail) {
            this(succeeded, detail, Optional.empty());
        }
    }

    /**
     * A request through the HTTP API; succeeds only with {@code expectedStatus}: 202 for the signup (accepted,
     * verification email to follow), 200 for the reference's and an authenticated {@code GET}.
     */
    record HttpCall(String json, String route, String request, int expectedStatus, ApiGatewayResponses responses)
            implements ProbeEvent {
        @Override
        public Verdict settle(String responseJson) {
            int status;
            try {
                status = responses.toReply(responseJson).status();
            } catch (ApiGatewayResponses.InvalidResponseException e) {
                return new Verdict(false, "invalid response: " + e.getMessage());
            }
            return new Verdict(status == expectedStatus, "HTTP " + status + " for " + request);
        }
    }

    /**
     * A payload 2.0 REQUEST authorizer event with a real credential, as API Gateway sends it before an authorized
     * route; succeeds when the simple response lets the request through with the verdict {@code ALLOW} (a
     * credential the function would answer 401 or 429 for is also let through, with another verdict).
     */
    record AuthorizerRequest(String json, String route, String request, ObjectMapper mapper) implements ProbeEvent {
        @Override
        public Verdict settle(String responseJson) {
            JsonNode response;
            try {
                response = mapper.readTree(responseJson);
            } catch (JsonProcessingException e) {
                return new Verdict(false, "invalid authorizer response: " + e.getOriginalMessage());
            }
            JsonNode context = response.path("context");
            boolean authorized = response.path("isAuthorized").asBoolean(false)
                    && "ALLOW".equals(context.path("verdict").asText());
            List<String> keys = new ArrayList<>();
            context.fieldNames().forEachRemaining(keys::add);
            return new Verdict(authorized, (authorized ? "authorized " : "not allowed (verdict "
                    + context.path("verdict").asText() + ") ") + request + ", context keys "
                    + keys, context.isObject() ? Optional.of(context.toString()) : Optional.empty());
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

    /**
     * A well-formed bearer credential nobody issued, as API Gateway hands it to the authorizer: succeeds
     * when the authorizer lets it through with the verdict that the function answers 401 for.
     */
    record Authorization(String json, ObjectMapper mapper) implements ProbeEvent {
        @Override
        public Verdict settle(String responseJson) {
            try {
                var response = mapper.readTree(responseJson);
                String verdict = response.path("context").path("verdict").asText();
                boolean ok = response.path("isAuthorized").asBoolean(false) && "UNAUTHENTICATED".equals(verdict);
                return new Verdict(ok, "isAuthorized " + response.path("isAuthorized") + ", verdict " + verdict);
            } catch (java.io.IOException e) {
                return new Verdict(false, "invalid response: " + e.getMessage());
            }
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
