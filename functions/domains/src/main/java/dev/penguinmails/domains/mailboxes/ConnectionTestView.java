package dev.penguinmails.domains.mailboxes;

import dev.penguinmails.domains.mailboxes.connection.ConnectionResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The answer of POST .../test: each protocol's result and the mailbox as it stands after. */
@Serdeable
@Schema(name = "MailboxConnectionTest")
public record ConnectionTestView(boolean passed, List<ResultView> results, MailboxView mailbox) {

    /** One protocol's result. */
    @Serdeable
    @Schema(name = "MailboxConnectionResult")
    public record ResultView(@Schema(description = "smtp, imap or ses") String protocol,
                             @Schema(description = "ok, unreachable, timeout, tls-failed, auth-failed, not-allowed or protocol-error") String outcome,
                             @Nullable String detail, @Nullable String hint, long millis) {
        static ResultView of(ConnectionResult r) {
            return new ResultView(r.protocol().wire(), r.outcome().wire(), r.detail(), r.hint(), r.millis());
        }
    }
}
