package dev.penguinmails.domains.mailboxes;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** The latest connection test of a mailbox, as kept with it: when, whether it passed, and what failed first. */
public record ConnectionSummary(Instant testedAt, boolean passed, @Nullable String failure) { }
