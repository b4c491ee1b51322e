package dev.penguinmails.contacts.bulk;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Bulk operations, bound from {@code penguinmails.contacts.bulk.*}.
 *
 * @param maxSelection  contact ids a selection may name ({@code max-selection}, 10,000)
 * @param maxContacts   contacts a segment or definition may match for one operation ({@code max-contacts}, 100,000):
 *                      the target is resolved while the request waits, so it is bounded
 * @param chunkSize     contact ids per queued chunk ({@code chunk-size}, 100)
 * @param keepFor       how long an operation is shown ({@code keep-for}, 30 days)
 */
@ConfigurationProperties("penguinmails.contacts.bulk")
public record BulkSettings(@Bindable(defaultValue = "10000") int maxSelection,
                           @Bindable(defaultValue = "100000") int maxContacts,
                           @Bindable(defaultValue = "100") int chunkSize,
                           @Bindable(defaultValue = "30d") Duration keepFor) {
    public BulkSettings {
        if (maxSelection < 1 || maxContacts < 1 || chunkSize < 1 || chunkSize > 1000) {
            throw new IllegalArgumentException("penguinmails.contacts.bulk: max-selection and max-contacts at least 1, "
                    + "chunk-size 1 to 1000");
        }
    }
}
