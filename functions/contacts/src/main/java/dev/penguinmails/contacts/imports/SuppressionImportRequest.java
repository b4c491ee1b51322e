package dev.penguinmails.contacts.imports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** POST .../suppression-imports: the CSV file to come, and the reason of rows that give none. */
@Serdeable
@Schema(name = "CreateSuppressionImport")
public record SuppressionImportRequest(
        @NotBlank @Size(max = 10) @Schema(description = "csv (the only format)", example = "csv") String format,
        @NotNull @Schema(description = "The file's exact size in bytes; the upload URL is signed for it. At most "
                + "10485760 (10 MiB, about 250,000 addresses)", example = "48213") Long sizeBytes,
        @Nullable @Size(max = 200) @Schema(description = "The file's name, kept to tell imports apart",
                example = "unsubscribes-2026.csv") String fileName,
        @Nullable @Size(max = 20) @Schema(description = "The reason of rows whose reason cell is empty or missing: "
                + "unsubscribed, hard-bounce, complaint or manual (default manual)", example = "unsubscribed")
        String defaultReason) { }
