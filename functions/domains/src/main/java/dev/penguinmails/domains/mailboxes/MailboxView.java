package dev.penguinmails.domains.mailboxes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A mailbox as the API shows it: never a password. */
@Serdeable
@Schema(name = "Mailbox")
public record MailboxView(
        @Schema(example = "mbx_5f1c0a9e2b7d4c3a8e6f1b2d3c4a5e6f") String id,
        String address,
        @Schema(description = "The workspace domain it sends for") String domain,
        @Nullable String displayName,
        @Schema(description = "smtp or ses") String provider,
        @Schema(description = "connected or failing (its last connection test failed, or sending found its server refusing "
                + "it: see lastFailure; it does not send until a connection test or new credentials pass)") String status,
        boolean eligibleForSending,
        int dailyLimit,
        @Schema(description = "What it may send today (UTC), warm-up allowing") int allowanceToday,
        WarmupView warmup,
        @Nullable String signatureHtml,
        // The type beside nullable: OpenAPI 3.0 ignores nullable where no type is given.
        @Nullable @Schema(type = "object", description = "smtp mailboxes only") ServerView smtp,
        @Nullable @Schema(type = "object", description = "smtp mailboxes only") ServerView imap,
        @Nullable @Schema(type = "object") TestView lastTest,
        @Nullable @Schema(type = "object", description = "Why it is failing when its last connection test did not say "
                + "so; gone once it connects again") FailureView lastFailure,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static MailboxView of(Mailbox m, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Warmup w = m.warmup();
        return new MailboxView(m.id(), m.address(), m.domain(), m.displayName(), m.provider().name().toLowerCase(),
                m.status().name().toLowerCase(), m.eligibleForSending(), m.dailyLimit(), w.allowance(today, m.dailyLimit()),
                new WarmupView(w.enabled(), w.startPerDay(), w.increasePerDay(), w.startedOn(),
                        w.stage(today, m.dailyLimit()).name().toLowerCase(), w.completesOn(m.dailyLimit())),
                m.signatureHtml(), ServerView.of(m.smtp()), ServerView.of(m.imap()),
                m.lastTest() == null ? null
                        : new TestView(m.lastTest().testedAt(), m.lastTest().passed(), m.lastTest().failure()),
                m.lastFailure() == null ? null : new FailureView(m.lastFailure().code(), m.lastFailure().reason(),
                        m.lastFailure().at(), m.lastFailure().source()),
                m.createdAt(), m.updatedAt(), m.version());
    }

    /** The ramp and where it stands. */
    @Serdeable
    @Schema(name = "MailboxWarmup")
    public record WarmupView(boolean enabled, int startPerDay, int increasePerDay, @Nullable LocalDate startedOn,
                             @Schema(description = "off, warming or complete") String stage,
                             @Schema(description = "The first day it may send its daily limit") @Nullable LocalDate completesOn) { }

    /** A server login without its password. */
    @Serdeable
    @Schema(name = "MailboxServer")
    public record ServerView(String host, int port, String security, String username,
                             @Schema(description = "Always true: the password is kept encrypted and never shown") boolean passwordSet) {
        static ServerView of(@Nullable ServerLogin login) {
            return login == null ? null
                    : new ServerView(login.host(), login.port(), login.security().wire(), login.username(), true);
        }
    }

    /** The latest connection test. */
    @Serdeable
    @Schema(name = "MailboxLastTest")
    public record TestView(Instant testedAt, boolean passed, @Nullable String failure) { }

    /** What made it failing outside a connection test. */
    @Serdeable
    @Schema(name = "MailboxFailure")
    public record FailureView(@Schema(description = "The server's reply code, e.g. 535", example = "535") int code,
                              @Schema(description = "The server's words") String reason,
                              Instant at,
                              @Schema(description = "Who found it: sending (it stopped sending from this mailbox)",
                                      example = "sending") String source) { }
}
