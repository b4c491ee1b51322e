package dev.penguinmails.domains.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.domains.dkim.DkimKey.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules by which DKIM keys take over and retire at a verification. */
class KeyRotationTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    private static DkimKey key(String selector, State state, Instant retireAfter) {
        return new DkimKey(selector, "pub-" + selector, "pm1.sealed-" + selector, NOW.minusSeconds(3600), state, retireAfter);
    }

    @Test
    void aNextKeyWhoseRecordVerifiedTakesOverAndTheOldOneRetiresAfterTheOverlap() {
        List<DkimKey> after = KeyRotation.step(List.of(key("pm1", State.ACTIVE, null), key("pm2", State.NEXT, null)),
                Set.of("pm1", "pm2"), NOW, WEEK);

        assertThat(after).extracting(DkimKey::selector, DkimKey::state, DkimKey::retireAfter).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pm1", State.RETIRING, NOW.plus(WEEK)),
                org.assertj.core.groups.Tuple.tuple("pm2", State.ACTIVE, null));
    }

    @Test
    void aNextKeyWithoutItsRecordWaitsAndNothingMoves() {
        List<DkimKey> keys = List.of(key("pm1", State.ACTIVE, null), key("pm2", State.NEXT, null));

        assertThat(KeyRotation.step(keys, Set.of("pm1"), NOW, WEEK)).isSameAs(keys);
    }

    @Test
    void aRetiringKeyStaysPublishedUntilItsTimeAndIsDroppedAfter() {
        List<DkimKey> keys = List.of(key("pm1", State.RETIRING, NOW.plusSeconds(1)), key("pm2", State.ACTIVE, null));

        assertThat(KeyRotation.step(keys, Set.of(), NOW, WEEK)).isSameAs(keys);
        assertThat(KeyRotation.step(keys, Set.of(), NOW.plusSeconds(1), WEEK)).extracting(DkimKey::selector)
                .containsExactly("pm2");
    }

    @Test
    void theNextSelectorFollowsTheHighestNumber() {
        assertThat(KeyRotation.nextSelector(List.of(key("pm1", State.ACTIVE, null)))).isEqualTo("pm2");
        assertThat(KeyRotation.nextSelector(List.of(key("pm9", State.RETIRING, NOW), key("pm10", State.ACTIVE, null))))
                .isEqualTo("pm11");
    }
}
