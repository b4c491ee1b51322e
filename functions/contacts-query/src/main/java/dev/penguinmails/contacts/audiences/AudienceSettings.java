package dev.penguinmails.contacts.audiences;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Campaign audiences, bound from {@code penguinmails.contacts.audiences.*}.
 *
 * @param chunkSize     contacts per {@code campaign.audience.chunk} ({@code chunk-size}, 100, the contract's most)
 * @param chunkBytes    estimated encoded bytes of a chunk's contacts before a chunk is cut short ({@code chunk-bytes},
 *                      200,000: EventBridge takes entries up to 256 KB)
 * @param publishBatch  chunks read and published together before the progress moves ({@code publish-batch}, 10)
 * @param sliceBudget   how long a slice starts new batches before it queues the next slice ({@code slice-budget},
 *                      40 s of the function's 60 s timeout)
 * @param lease         how long a slice holds an audience ({@code lease}, 55 s)
 * @param snapshotRetention how long a published audience's snapshot of contact ids is kept ({@code snapshot-retention},
 *                      7 days); its audience row stays, so a late {@code campaign.launched} still resolves nothing
 */
@ConfigurationProperties("penguinmails.contacts.audiences")
public record AudienceSettings(@Bindable(defaultValue = "100") int chunkSize,
                               @Bindable(defaultValue = "200000") int chunkBytes,
                               @Bindable(defaultValue = "10") int publishBatch,
                               @Bindable(defaultValue = "40s") Duration sliceBudget,
                               @Bindable(defaultValue = "55s") Duration lease,
                               @Bindable(defaultValue = "7d") Duration snapshotRetention) {
    public AudienceSettings {
        if (chunkSize < 1 || chunkSize > 100 || chunkBytes < 10_000 || chunkBytes > 240_000 || publishBatch < 1) {
            throw new IllegalArgumentException("penguinmails.contacts.audiences: chunk-size 1 to 100, chunk-bytes 10000 "
                    + "to 240000, publish-batch at least 1");
        }
        if (snapshotRetention.isNegative()) {
            throw new IllegalArgumentException("penguinmails.contacts.audiences.snapshot-retention must not be negative");
        }
        if (lease.compareTo(sliceBudget) <= 0) {
            throw new IllegalArgumentException("penguinmails.contacts.audiences.lease must outlast slice-budget");
        }
    }
}
