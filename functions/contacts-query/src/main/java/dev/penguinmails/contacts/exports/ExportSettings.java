package dev.penguinmails.contacts.exports;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Contact exports, bound from {@code penguinmails.contacts.exports.*}.
 *
 * @param partSize            bytes of CSV gathered before a part is uploaded ({@code part-size}, 8 MiB; S3 takes no
 *                            part but the last under 5 MiB)
 * @param batchSize           contacts read from Postgres per query ({@code batch-size}, 1000)
 * @param sliceBudget         how long a slice starts new parts before it queues the next slice ({@code slice-budget},
 *                            40 s of the function's 60 s timeout)
 * @param lease               how long a slice holds an export ({@code lease}, 55 s)
 * @param downloadUrlExpiry   how long a presigned download URL works ({@code download-url-expiry}, 15 minutes)
 * @param keepFor             how long an export and its file are kept ({@code keep-for}, 7 days, as the bucket's objects)
 * @param maxAttempts         tries of a slice's message before the export is failed ({@code max-attempts}, 5, the
 *                            queue's receives before its dead-letter queue)
 */
@ConfigurationProperties("penguinmails.contacts.exports")
public record ExportSettings(@Bindable(defaultValue = "8388608") int partSize,
                             @Bindable(defaultValue = "1000") int batchSize,
                             @Bindable(defaultValue = "40s") Duration sliceBudget,
                             @Bindable(defaultValue = "55s") Duration lease,
                             @Bindable(defaultValue = "15m") Duration downloadUrlExpiry,
                             @Bindable(defaultValue = "7d") Duration keepFor,
                             @Bindable(defaultValue = "5") int maxAttempts) {
    /** The least size of a part that is not the last (S3's rule). */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    public ExportSettings {
        if (partSize < MIN_PART_SIZE || batchSize < 1 || batchSize > 10_000 || maxAttempts < 1) {
            throw new IllegalArgumentException("penguinmails.contacts.exports: part-size at least 5 MiB, batch-size 1 to "
                    + "10000, max-attempts at least 1");
        }
        if (lease.compareTo(sliceBudget) <= 0) {
            throw new IllegalArgumentException("penguinmails.contacts.exports.lease must outlast slice-budget");
        }
    }
}
