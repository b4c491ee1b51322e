package dev.penguinmails.events.usage;

import dev.penguinmails.events.sending.CampaignSend;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code email.sent}: one email left through a mailbox; {@code send} names the campaign send it was. */
@Serdeable
public record EmailSent(String messageId, String mailboxId, @Nullable CampaignSend send) {

    /** An email outside any campaign (billing counts it all the same). */
    public EmailSent(String messageId, String mailboxId) {
        this(messageId, mailboxId, null);
    }
}
