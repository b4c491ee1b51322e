package dev.penguinmails.sending.sender;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One message of queue {@code sending-sends}: send step {@code step} of the enrolment through {@code mailboxId}.
 * Ids only; the worker reads everything else at send time, so a task that waited is never stale.
 */
@Serdeable
public record SendTask(String workspaceId, String enrolmentId, int step, String mailboxId) { }
