package dev.penguinmails.events.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

class PutEventsBatchesTest {

    private static PutEventsRequestEntry entry(int detailBytes) {
        return PutEventsRequestEntry.builder().source("penguinmails.x").detailType("a.b")
                .detail("x".repeat(detailBytes)).time(Instant.now()).build();
    }

    @Test
    void countsBytesAsEventBridgeDoes() {
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder()
                .source("penguinmails.identity").detailType("account.signed_up")
                .detail("{\"name\":\"Zoë\"}").time(Instant.now()).resources("arn:a").build();
        // time 14 + source 21 + detail-type 17 + detail 15 (ë is two bytes in UTF-8) + resource 5
        assertThat(PutEventsBatches.size(entry)).isEqualTo(14 + 21 + 17 + 15 + 5);
    }

    @Test
    void putsAtMostTenEntriesInACall() {
        List<PutEventsRequestEntry> entries = IntStream.range(0, 25).mapToObj(i -> entry(10)).toList();
        List<List<PutEventsRequestEntry>> batches = PutEventsBatches.split(entries, Function.identity());
        assertThat(batches).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(entries);
    }

    @Test
    void keepsEachCallWithin256Kilobytes() {
        List<PutEventsRequestEntry> entries = IntStream.range(0, 5).mapToObj(i -> entry(100_000)).toList();
        List<List<PutEventsRequestEntry>> batches = PutEventsBatches.split(entries, Function.identity());
        assertThat(batches).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(batches).allSatisfy(b -> assertThat(b.stream().mapToInt(PutEventsBatches::size).sum())
                .isLessThanOrEqualTo(PutEventsBatches.MAX_BYTES));
    }

    @Test
    void anEntryAtTheLimitFitsAndOneByteMoreDoesNot() {
        int overhead = PutEventsBatches.size(entry(0));
        assertThat(PutEventsBatches.split(List.of(entry(PutEventsBatches.MAX_BYTES - overhead)), Function.identity())).hasSize(1);
        assertThatThrownBy(() -> PutEventsBatches.split(List.of(entry(PutEventsBatches.MAX_BYTES - overhead + 1)), Function.identity()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds EventBridge's 262144 byte limit");
    }

    @Test
    void nothingToSendMeansNoCalls() {
        assertThat(PutEventsBatches.split(List.<PutEventsRequestEntry>of(), Function.identity())).isEmpty();
    }
}
