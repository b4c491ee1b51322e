package dev.penguinmails.domains.mailboxes;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * A sending account of a workspace: an address on one of the workspace's domains that sends through its own SMTP
 * server (and is read over IMAP, for replies and bounces) or through the domain's SES identity.
 *
 * @param id       {@code mbx_} and 32 hex digits derived from the workspace and address, so an address is one
 *                 mailbox per workspace by key, and adding it again after removal continues its versions
 * @param smtp     the SMTP server and login (SMTP mailboxes only; dropped on removal)
 * @param imap     the IMAP server and login (SMTP mailboxes only; dropped on removal)
 * @param lastTest the latest connection test, whatever its outcome
 * @param lastFailure why it is failing when no connection test of ours said so (sending's hold, decision 0072);
 *                 gone once it connects again
 */
public record Mailbox(String workspaceId, String id, String address, String domain, @Nullable String displayName,
                      Provider provider, Status status, @Nullable ServerLogin smtp, @Nullable ServerLogin imap,
                      int dailyLimit, Warmup warmup, @Nullable String signatureHtml,
                      @Nullable ConnectionSummary lastTest, @Nullable MailboxFailure lastFailure, Instant createdAt,
                      Instant updatedAt, long version) {
    public Mailbox {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(warmup, "warmup");
        if (provider == Provider.SMTP && status != Status.REMOVED && (smtp == null || imap == null)) {
            throw new IllegalArgumentException("an SMTP mailbox has an SMTP and an IMAP server");
        }
    }

    /** Whether sending may use it now: connected (its last test passed); the domain's eligibility is sending's join. */
    public boolean eligibleForSending() {
        return status == Status.CONNECTED;
    }

    /** How it sends. */
    public enum Provider { SMTP, SES }

    /** Whether its last connection test passed; REMOVED is kept a week for its {@code mailbox.removed}. */
    public enum Status { CONNECTED, FAILING, REMOVED }

    /** The same mailbox changed by {@code change}, at the next version; connected again, it has no standing failure. */
    public Mailbox next(java.util.function.UnaryOperator<Builder> change, Instant now) {
        Builder b = change.apply(new Builder(this));
        return new Mailbox(workspaceId, id, address, domain, b.displayName, provider, b.status, b.smtp, b.imap,
                b.dailyLimit, b.warmup, b.signatureHtml, b.lastTest,
                b.status == Status.CONNECTED ? null : b.lastFailure, createdAt, now, version + 1);
    }

    /** The fields a change may set. */
    public static final class Builder {
        @Nullable String displayName;
        Status status;
        @Nullable ServerLogin smtp;
        @Nullable ServerLogin imap;
        int dailyLimit;
        Warmup warmup;
        @Nullable String signatureHtml;
        @Nullable ConnectionSummary lastTest;
        @Nullable MailboxFailure lastFailure;

        Builder(Mailbox m) {
            displayName = m.displayName;
            status = m.status;
            smtp = m.smtp;
            imap = m.imap;
            dailyLimit = m.dailyLimit;
            warmup = m.warmup;
            signatureHtml = m.signatureHtml;
            lastTest = m.lastTest;
            lastFailure = m.lastFailure;
        }

        public Builder displayName(@Nullable String value) { displayName = value; return this; }
        public Builder status(Status value) { status = value; return this; }
        public Builder smtp(@Nullable ServerLogin value) { smtp = value; return this; }
        public Builder imap(@Nullable ServerLogin value) { imap = value; return this; }
        public Builder dailyLimit(int value) { dailyLimit = value; return this; }
        public Builder warmup(Warmup value) { warmup = value; return this; }
        public Builder signatureHtml(@Nullable String value) { signatureHtml = value; return this; }
        public Builder lastTest(@Nullable ConnectionSummary value) { lastTest = value; return this; }
        public Builder lastFailure(@Nullable MailboxFailure value) { lastFailure = value; return this; }
    }
}
