package dev.penguinmails.events.billing;

import io.micronaut.serde.annotation.Serdeable;

/** The limits of a plan, as {@link PlanChanged} carries them. */
@Serdeable
public record PlanLimits(int mailboxes, int contacts, int emailsPerMonth, int workspacesPerAccount, int seats) { }
