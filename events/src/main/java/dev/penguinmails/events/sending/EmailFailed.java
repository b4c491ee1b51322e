package dev.penguinmails.events.sending;

import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code email.failed}: a campaign send did not leave. {@code permanent} failures (5xx, refused credentials) are
 * never retried and end the enrolment; temporary ones are published only once retries are exhausted.
 */
@Serdeable
public record EmailFailed(String mailboxId, CampaignSend send, boolean permanent, String reason) { }
