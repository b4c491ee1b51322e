package dev.penguinmails.billing.catalog;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What a plan allows a workspace; never negative.
 */
@Serdeable
public record Limits(int mailboxes, int contacts, int emailsPerMonth, int workspacesPerAccount, int seats) {
    public Limits {
        if (mailboxes < 0 || contacts < 0 || emailsPerMonth < 0 || workspacesPerAccount < 0 || seats < 0) {
            throw new IllegalArgumentException("limits are never negative");
        }
    }

    /** These limits with {@code extraMailboxes} more mailboxes (the add-on). */
    public Limits withExtraMailboxes(int extraMailboxes) {
        return new Limits(mailboxes + extraMailboxes, contacts, emailsPerMonth, workspacesPerAccount, seats);
    }

    /** These limits with {@code emails} emails per month (an allowance pro rata within a period). */
    public Limits withEmailsPerMonth(int emails) {
        return new Limits(mailboxes, contacts, emails, workspacesPerAccount, seats);
    }

    /** The limit of {@code metric}; emails are per period, the rest as they stand. */
    public long of(Metric metric) {
        return switch (metric) {
            case MAILBOXES -> mailboxes;
            case CONTACTS -> contacts;
            case EMAILS_SENT -> emailsPerMonth;
            case SEATS -> seats;
        };
    }
}
