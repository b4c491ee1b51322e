package dev.penguinmails.events.sending;

import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code email.unsubscribed}: a recipient unsubscribed through a message's signed link ({@code method}
 * {@code one-click} per RFC 8058, or {@code page}). Contacts marks the contact unsubscribed and suppresses the
 * address, which publishes {@code contact.unsubscribed}; sending stops the contact's enrolments on that.
 */
@Serdeable
public record EmailUnsubscribed(String messageId, CampaignSend send, String emailHash, String method) { }
