package dev.penguinmails.events.mailboxes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What sending and reply detection need to know of a mailbox, carried by {@code mailbox.connected} and
 * {@code mailbox.updated}: the address and its sending domain, how it sends ({@code provider} {@code smtp} with
 * its SMTP and IMAP servers, or {@code ses} through the domain's SES identity), whether it may send now, its daily
 * limit and warm-up ramp (the allowance on day n of the ramp, counted from {@code warmupStartedOn} as day 0, is
 * {@code min(dailyLimit, warmupStartPerDay + n * warmupIncreasePerDay)}), and its signature. Apply by
 * {@code version}: an older one changes nothing.
 */
@Serdeable
public record MailboxState(String mailboxId, String address, String domain, @Nullable String displayName,
                           String provider, String status, boolean eligibleForSending, int dailyLimit,
                           boolean warmupEnabled, int warmupStartPerDay, int warmupIncreasePerDay,
                           @Nullable String warmupStartedOn, @Nullable String signatureHtml,
                           @Nullable MailServer smtp, @Nullable MailServer imap, long version) { }
