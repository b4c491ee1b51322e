package dev.penguinmails.sending.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.sending.SendingFlow;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Due items older than the tick's 24 h look-back (ticks that could not run for a day) are brought back to now by the
 * sweep, a few old hour partitions per tick, so that none is forgotten within 15 days.
 */
@MicronautTest
@Tag("integration")
class DueSweepTest extends SendingFlow {
    /** Minute 1 of an hour: the sweep of that tick covers old partitions 6 to 11 hours beyond the look-back. */
    private static final Instant NOW = Instant.parse("2026-12-09T10:01:30Z");

    private static Instant hoursBeyondLookBack(int k) {
        return hoursBeyondLookBack(NOW, k);
    }

    private static Instant hoursBeyondLookBack(Instant now, int k) {
        return now.minus(DueIndex.LOOKBACK).truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1 + k))
                .plus(Duration.ofMinutes(7));
    }

    private static DueIndex.Due due(String ws, String enrolment, Instant at) {
        return new DueIndex.Due(ws, enrolment, 0, at);
    }

    @Test
    void itemsBeyondTheLookBackComeBackToNowAPartitionAtATime() {
        DueIndex index = context.getBean(DueIndex.class);
        String ws = workspace();
        DueIndex.Due swept = due(ws, "cmp_a.con_swept", hoursBeyondLookBack(8));
        DueIndex.Due otherMinute = due(ws, "cmp_a.con_other", hoursBeyondLookBack(2));
        DueIndex.Due beyondReach = due(ws, "cmp_a.con_gone", hoursBeyondLookBack(DueIndex.SWEEP_HOURS + 5));
        List.of(swept, otherMinute, beyondReach).forEach(index::put);
        assertThat(index.due(NOW, 100)).as("the tick's own look-back misses them").isEmpty();

        assertThat(index.sweepStale(NOW, 100)).isEqualTo(1);
        assertThat(index.due(NOW, 100)).singleElement().satisfies(d -> {
            assertThat(d.enrolmentId()).isEqualTo("cmp_a.con_swept");
            assertThat(d.dueAt()).isEqualTo(NOW);
        });
        assertThat(index.sweepStale(NOW, 100)).as("moved, not copied").isZero();

        Instant minuteZero = NOW.minus(Duration.ofMinutes(1));
        assertThat(index.sweepStale(minuteZero, 100)).as("minute 0 covers the first old hours").isEqualTo(1);
        assertThat(index.due(NOW, 100)).extracting(DueIndex.Due::enrolmentId)
                .containsExactlyInAnyOrder("cmp_a.con_swept", "cmp_a.con_other");
    }

    @Test
    void theTickSweepsBeforeItReadsWhatIsDue() {
        // Days after the other test's "now", so that neither sees the other's items (the due index spans workspaces).
        Instant now = NOW.plus(Duration.ofDays(3));
        clockAt(now);
        String ws = workspace();
        context.getBean(DueIndex.class).put(due(ws, "cmp_b.con_unknown", hoursBeyondLookBack(now, 10)));

        SchedulerTick.Summary summary = new SchedulerJob(context).execute(null);

        assertThat(summary.swept()).isEqualTo(1);
        assertThat(summary.due()).as("the swept item is read in the same tick").isEqualTo(1);
        assertThat(summary.dropped()).as("no such enrolment: dropped, as any due item of an unknown enrolment")
                .isEqualTo(1);
    }
}
