package dev.penguinmails.shared.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void anIdIsThePrefixAndAnUpperCaseUlid() {
        String id = Ids.newId("ws");

        assertThat(id).matches("ws_[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(Ids.isValid(id, "ws")).isTrue();
        assertThat(Ids.isValid(id, "usr")).isFalse();
    }

    @Test
    void idsMadeOneAfterAnotherSortInCreationOrderEvenWithinOneMillisecond() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.newId("c"));
        }

        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
    }

    @Test
    void theCreationTimeCanBeReadBack() {
        Instant before = Instant.now().minusMillis(1);
        String id = Ids.newId("key");

        assertThat(Ids.createdAt(id)).hasValueSatisfying(t ->
                assertThat(Duration.between(before, t)).isBetween(Duration.ZERO, Duration.ofSeconds(5)));
        assertThat(Ids.createdAt("nonsense")).isEmpty();
        assertThat(Ids.createdAt("WS_01JD5Q2X7V4G0ZK3M8N6P9R2TS")).isEmpty();
    }

    @Test
    void malformedIdsAreNotValid() {
        String id = Ids.newId("ws");

        assertThat(Ids.isValid(null, "ws")).isFalse();
        assertThat(Ids.isValid(id.toLowerCase(), "ws")).isFalse();
        assertThat(Ids.isValid(id.substring(0, id.length() - 1), "ws")).isFalse();
        assertThat(Ids.isValid("ws_" + "U".repeat(26), "ws")).isFalse();
    }

    @Test
    void prefixesAreShortLowerCaseWords() {
        assertThatThrownBy(() -> Ids.newId("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ids.newId("WS")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ids.newId("ws_")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ids.newId("toolongprefix")).isInstanceOf(IllegalArgumentException.class);
    }
}
