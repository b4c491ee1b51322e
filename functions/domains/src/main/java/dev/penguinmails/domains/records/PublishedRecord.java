package dev.penguinmails.domains.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A record the customer publishes, with why: {@code purpose} ({@code spf}, {@code dkim}, {@code dmarc},
 * {@code return-path-mx}, {@code return-path-spf}, {@code tracking}, {@code reply-mx}), whether sending needs it,
 * and a note when the record is not simply to be added (e.g. it replaces an existing SPF record).
 */
@Serdeable
public record PublishedRecord(String purpose, boolean required, DnsRecord record, @Nullable String note) { }
