package dev.penguinmails.sending.templates;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** One step of a sequence rendered for one contact: what the messages package turns into MIME. */
@Serdeable
@Schema(name = "RenderedEmail")
public record RenderedEmail(@Schema(description = "0-based step index") int step, String variant,
                            @Schema(description = "Whether the step replies in the first step's thread") boolean replyInThread,
                            String subject, String html, String text) { }
