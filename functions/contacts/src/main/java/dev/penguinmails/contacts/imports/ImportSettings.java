package dev.penguinmails.contacts.imports;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Contact imports, bound from {@code penguinmails.contacts.imports.*}.
 *
 * @param maxCsvBytes      the largest CSV file ({@code max-csv-bytes}, 100 MiB)
 * @param maxXlsxBytes     the largest XLSX file ({@code max-xlsx-bytes}, 50 MiB)
 * @param uploadUrlExpiry  how long the presigned upload URL works ({@code upload-url-expiry}, 15 minutes)
 * @param reportUrlExpiry  how long the error report's presigned download URL works ({@code report-url-expiry}, 15 minutes)
 * @param lease            how long a slice of the worker holds an import without renewing it ({@code lease}, 150 s)
 * @param sliceBudget      how long a slice starts new batches before it queues the next slice ({@code slice-budget}, 80 s
 *                         of the function's 120 s timeout)
 * @param batchSize        rows per batch: planned, written and checkpointed together ({@code batch-size}, 100)
 * @param keepFor          how long an import and its report are kept ({@code keep-for}, 30 days, as the bucket's objects)
 * @param maxSuppressionBytes the largest suppression CSV ({@code max-suppression-bytes}, 10 MiB: about 250,000
 *                         addresses; each row is a write of its own, with its event)
 * @param exportUrlExpiry  how long a suppression export's presigned download URL works ({@code export-url-expiry}, 15 minutes)
 */
@ConfigurationProperties("penguinmails.contacts.imports")
public record ImportSettings(@Bindable(defaultValue = "104857600") long maxCsvBytes,
                             @Bindable(defaultValue = "52428800") long maxXlsxBytes,
                             @Bindable(defaultValue = "15m") Duration uploadUrlExpiry,
                             @Bindable(defaultValue = "15m") Duration reportUrlExpiry,
                             @Bindable(defaultValue = "150s") Duration lease,
                             @Bindable(defaultValue = "80s") Duration sliceBudget,
                             @Bindable(defaultValue = "100") int batchSize,
                             @Bindable(defaultValue = "30d") Duration keepFor,
                             @Bindable(defaultValue = "10485760") long maxSuppressionBytes,
                             @Bindable(defaultValue = "15m") Duration exportUrlExpiry) {
    public ImportSettings {
        if (maxCsvBytes < 1 || maxXlsxBytes < 1 || maxSuppressionBytes < 1 || batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("penguinmails.contacts.imports: sizes must be positive, batch-size 1 to 1000");
        }
        if (lease.compareTo(sliceBudget) <= 0) {
            throw new IllegalArgumentException("penguinmails.contacts.imports.lease must outlast slice-budget");
        }
    }

    /** The most bytes a file of {@code format} may have in an import of {@code kind}. */
    public long maxBytes(ImportKind kind, ImportFormat format) {
        if (kind == ImportKind.SUPPRESSIONS) {
            return maxSuppressionBytes;
        }
        return format == ImportFormat.CSV ? maxCsvBytes : maxXlsxBytes;
    }
}
