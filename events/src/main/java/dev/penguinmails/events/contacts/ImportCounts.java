package dev.penguinmails.events.contacts;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What an import did with the rows of its file: each row read is created, updated, skipped (a duplicate, a
 * suppressed address, an existing contact in mode {@code skip}, nothing to change) or failed (invalid).
 */
@Serdeable
public record ImportCounts(long rowsRead, long created, long updated, long skipped, long failed) { }
