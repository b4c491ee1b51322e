package dev.penguinmails.shared.tenancy;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;

/**
 * A query inside one workspace: the partition (without the workspace prefix, which {@link TenantTable}
 * adds), an optional sort-key prefix, the index ({@code null} for the table itself) and the direction.
 */
public record TenantQuery(@Nullable String index, String partition, String sortKeyPrefix, boolean descending) {
    public TenantQuery {
        Objects.requireNonNull(partition, "partition");
        sortKeyPrefix = sortKeyPrefix == null ? "" : sortKeyPrefix;
    }

    /** Everything in {@code partition}, in sort-key order. */
    public static TenantQuery partition(String partition) {
        return new TenantQuery(null, partition, "", false);
    }

    public TenantQuery sortKeyStartsWith(String prefix) {
        return new TenantQuery(index, partition, prefix, descending);
    }

    /** The same query on a global secondary index, e.g. {@code gsi1}; its partition is workspace-prefixed too. */
    public TenantQuery onIndex(String indexName) {
        return new TenantQuery(Objects.requireNonNull(indexName, "indexName"), partition, sortKeyPrefix, descending);
    }

    /** Newest (highest sort key) first. */
    public TenantQuery inDescendingOrder() {
        return new TenantQuery(index, partition, sortKeyPrefix, true);
    }
}
