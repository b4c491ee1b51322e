package dev.penguinmails.local.queues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lambda's reading of a partial batch response. */
class BatchResultTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BATCH = List.of("m1", "m2", "m3");

    @Test
    void listedItemsFailAndTheRestSucceed() {
        BatchResult result = BatchResult.parse(JSON, "{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]}", BATCH);

        assertThat(result.failedMessageIds()).isEqualTo(Set.of("m2"));
        assertThat(result.wholeBatchFailed()).isFalse();
    }

    @Test
    void anEmptyOrNullResponseMeansEverythingSucceeded() {
        assertThat(BatchResult.parse(JSON, "null", BATCH).failedMessageIds()).isEmpty();
        assertThat(BatchResult.parse(JSON, "{}", BATCH).failedMessageIds()).isEmpty();
        assertThat(BatchResult.parse(JSON, "{\"batchItemFailures\":[]}", BATCH).failedMessageIds()).isEmpty();
    }

    @Test
    void anUnknownBlankOrMissingItemIdentifierFailsTheWholeBatch() {
        for (String response : List.of("{\"batchItemFailures\":[{\"itemIdentifier\":\"elsewhere\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}", "{\"batchItemFailures\":[{}]}", "not json")) {
            BatchResult result = BatchResult.parse(JSON, response, BATCH);

            assertThat(result.wholeBatchFailed()).as(response).isTrue();
            assertThat(result.failedMessageIds()).as(response).containsExactlyInAnyOrderElementsOf(BATCH);
        }
    }
}
