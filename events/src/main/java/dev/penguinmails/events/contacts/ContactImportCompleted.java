package dev.penguinmails.events.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code contact.import.completed}: an import read its whole file. Its contacts' own {@code contact.created} and
 * {@code contact.updated} were published as it went; this tells the person who started it (and, later, a list to
 * fill) that it is done, with the counts and whether an error report was written. {@code listId}: the static list
 * the import put its contacts in, if asked (decision 0041); contacts-query then copies its members into its query model.
 */
@Serdeable
public record ContactImportCompleted(String importId, @Nullable String fileName, String format, String dedupe,
                                     ImportCounts counts, boolean errorReport,
                                     @Nullable String listId) { }
