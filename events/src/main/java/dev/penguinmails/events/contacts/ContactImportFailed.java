package dev.penguinmails.events.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code contact.import.failed}: an import stopped on an error of the whole file (too large, not CSV or XLSX, no
 * header, an unknown sheet, the upload gone). The rows before the error stay imported, as the counts say.
 */
@Serdeable
public record ContactImportFailed(String importId, @Nullable String fileName, String format, String problem,
                                  String reason, ImportCounts counts) { }
