package dev.penguinmails.local.queues;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Which messages of a batch Lambda deletes after the handler returned: all but those listed in the
 * response's {@code batchItemFailures}. As in Lambda, a failure entry without a valid
 * {@code itemIdentifier} (or an unreadable response) fails the whole batch.
 */
public record BatchResult(Set<String> failedMessageIds, boolean wholeBatchFailed) {

    public static BatchResult parse(ObjectMapper json, String responseJson, List<String> batchMessageIds) {
        JsonNode response;
        try {
            response = json.readTree(responseJson);
        } catch (Exception e) {
            return new BatchResult(Set.copyOf(batchMessageIds), true);
        }
        if (response == null || response.isNull() || response.isMissingNode()) {
            return new BatchResult(Set.of(), false);
        }
        JsonNode failures = response.path("batchItemFailures");
        if (failures.isMissingNode() || failures.isNull()) {
            return new BatchResult(Set.of(), false);
        }
        Set<String> failed = new HashSet<>();
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText("");
            if (id.isBlank() || !batchMessageIds.contains(id)) {
                return new BatchResult(Set.copyOf(batchMessageIds), true);
            }
            failed.add(id);
        }
        return new BatchResult(Set.copyOf(failed), false);
    }

    public static BatchResult allFailed(List<String> batchMessageIds) {
        return new BatchResult(Set.copyOf(batchMessageIds), true);
    }

    /** The messages of {@code batch} that were handled, which Lambda deletes. */
    public List<Message> handled(List<Message> batch) {
        return batch.stream().filter(m -> !failedMessageIds.contains(m.messageId())).toList();
    }
}
