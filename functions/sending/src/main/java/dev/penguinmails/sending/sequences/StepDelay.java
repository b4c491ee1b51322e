package dev.penguinmails.sending.sequences;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** How long after the previous step (or enrolment, for the first) a step is due. */
@Serdeable
@Schema(name = "SequenceStepDelay")
public record StepDelay(
        @Min(0) @Max(365) @Schema(example = "3") int amount,
        @NotNull @Pattern(regexp = "^(hours|days)$") @Schema(example = "days", allowableValues = {"hours", "days"}) String unit,
        @Schema(description = "Count only Monday to Friday (days only)") boolean businessDays) {

    /** No wait: the first step of a sequence, by default. */
    public static StepDelay none() {
        return new StepDelay(0, "days", false);
    }
}
