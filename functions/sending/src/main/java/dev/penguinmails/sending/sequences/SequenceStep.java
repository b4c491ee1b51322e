package dev.penguinmails.sending.sequences;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One step of a sequence: its delay after the previous step and its variants. A step that replies in thread is
 * sent as a reply to the first step's email: subject "Re: " and the first step's subject, with the threading headers
 * the messages package adds.
 */
@Serdeable
@Schema(name = "SequenceStep")
public record SequenceStep(
        @Nullable @Valid @Schema(type = "object", description = "Default: no wait") StepDelay delay,
        @Schema(description = "Send as a reply in the first step's conversation (not for the first step)") boolean replyInThread,
        @NotEmpty @Size(max = 10) @Valid List<StepVariant> variants) {

    public SequenceStep {
        delay = delay == null ? StepDelay.none() : delay;
        variants = variants == null ? List.of() : List.copyOf(variants);
    }
}
