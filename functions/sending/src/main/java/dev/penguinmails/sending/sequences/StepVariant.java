package dev.penguinmails.sending.sequences;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One version of a step's email (A/B/n): a contact gets variant i with probability weight(i) / sum of weights,
 * chosen deterministically per contact and step. Subject and body are Liquid templates with spintax.
 */
@Serdeable
@Schema(name = "SequenceStepVariant")
public record StepVariant(
        @NotBlank @Size(max = 20) @Pattern(regexp = "^[A-Za-z0-9_-]{1,20}$") @Schema(example = "A") String name,
        @Min(1) @Max(1000) @Schema(description = "Relative weight, 1 to 1000", example = "50") int weight,
        @Nullable @Size(max = 1000) @Schema(description = "Liquid and spintax; a step that replies in thread may omit it",
                example = "{Hi|Hello} {{ first_name | default: \"there\" }}") String subject,
        @NotBlank @Size(max = 100_000) @Schema(description = "HTML body: Liquid and spintax, sanitised when rendered",
                example = "<p>{Hi|Hello} {{ first_name | default: \"there\" }},</p>") String html) { }
