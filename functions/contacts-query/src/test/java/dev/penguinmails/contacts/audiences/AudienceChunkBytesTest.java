package dev.penguinmails.contacts.audiences;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.contacts.query.projection.Projection;
import dev.penguinmails.events.contacts.ContactState;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Chunks are cut short by their contacts' estimated encoded size, so that no event passes EventBridge's 256 KB: here
 * with {@code chunk-bytes} at 10,000 and contacts of about 3 KB each.
 */
@MicronautTest(transactional = false)
@Tag("integration")
class AudienceChunkBytesTest extends AudienceTestBase {
    static final int CHUNK_BYTES = 10_000;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("penguinmails.contacts.audiences.chunk-bytes", Integer.toString(CHUNK_BYTES));
        return properties;
    }

    @Test
    void largeContactsAreSplitIntoSmallerChunksEachUnderTheByteBudget() {
        String ws = workspace();
        Projection projection = context.getBean(Projection.class);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Map<String, String[]> custom = Map.of("notes_a", new String[] {"text", "a".repeat(900)},
                    "notes_b", new String[] {"text", "b".repeat(900)}, "notes_c", new String[] {"text", "c".repeat(900)});
            ContactState s = state("big" + i + "@acme.io", List.of("big"), custom);
            projection.apply(ws, s, Instant.now());
            expected.add(s.contactId());
        }

        assertThat(launch(ws, campaign(), 1, List.of(), List.of(segment(ws, "big")))).isZero();

        List<JsonNode> events = caught();
        assertThat(events).extracting(e -> e.get("detail").get("contacts").size()).containsExactly(3, 3, 1);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("detail").get("chunks").asInt()).isEqualTo(3);
            assertThat(e.get("detail").get("audienceSize").asInt()).isEqualTo(7);
            // The estimate is on the safe side of what is really sent.
            assertThat(e.get("detail").get("contacts").toString().getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(CHUNK_BYTES);
        });
        assertThat(contactIds(events)).containsExactlyElementsOf(expected.stream().sorted().toList());
    }
}
