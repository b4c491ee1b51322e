package dev.penguinmails.domains.mailboxes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WarmupTest {
    private static final LocalDate START = LocalDate.of(2026, 12, 5);

    @Test
    void rampsFromTheStartByTheIncreaseUpToTheDailyLimit() {
        Warmup ramp = new Warmup(true, 5, 3, START);
        assertThat(ramp.allowance(START, 30)).isEqualTo(5);
        assertThat(ramp.allowance(START.plusDays(1), 30)).isEqualTo(8);
        assertThat(ramp.allowance(START.plusDays(8), 30)).isEqualTo(29);
        assertThat(ramp.allowance(START.plusDays(9), 30)).isEqualTo(30);
        assertThat(ramp.allowance(START.plusDays(400), 30)).isEqualTo(30);
        assertThat(ramp.allowance(START.minusDays(3), 30)).as("before the start, day 0").isEqualTo(5);
        assertThat(ramp.completesOn(30)).isEqualTo(START.plusDays(9));
        assertThat(ramp.stage(START.plusDays(8), 30)).isEqualTo(Warmup.Stage.WARMING);
        assertThat(ramp.stage(START.plusDays(9), 30)).isEqualTo(Warmup.Stage.COMPLETE);
    }

    @Test
    void aDisabledRampSendsTheLimitAndAFlatOneNeverCompletes() {
        assertThat(new Warmup(false, 5, 3, null).allowance(START, 30)).isEqualTo(30);
        assertThat(new Warmup(false, 5, 3, null).stage(START, 30)).isEqualTo(Warmup.Stage.OFF);
        Warmup flat = new Warmup(true, 10, 0, START);
        assertThat(flat.allowance(START.plusDays(50), 30)).isEqualTo(10);
        assertThat(flat.completesOn(30)).isNull();
        assertThat(new Warmup(true, 50, 0, START).completesOn(30)).isEqualTo(START);
    }
}
