package dev.penguinmails.sending.launch;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** One reason a campaign may not send yet. */
@Serdeable
@Schema(name = "LaunchProblem")
public record LaunchProblem(
        @Schema(description = "Stable code", allowableValues = {"sequence-empty", "audience-empty", "mailbox-pool-empty",
                "mailbox-unknown", "mailbox-not-connected", "mailbox-held", "domain-not-verified", "undefined-variable",
                "render-failed"})
        String code,
        @Nullable @Schema(description = "The part of the campaign concerned, e.g. sequence[0].variants[1].html") String field,
        String detail) { }
