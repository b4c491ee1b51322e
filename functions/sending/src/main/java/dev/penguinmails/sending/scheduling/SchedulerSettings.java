package dev.penguinmails.sending.scheduling;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The scheduler tick's settings, bound from {@code penguinmails.sending.scheduler.*}.
 *
 * @param parallelism how many workspaces one tick schedules at the same time (8); a workspace's due items are always
 *                    handled by one thread, in order, so that its mailboxes' gaps and counters see each other's
 *                    reservations (decision 0063)
 * @param leaseMargin how much longer than the function's timeout a tick's {@link TickLease} stands (15s), so that a
 *                    tick killed at its timeout still holds it until it is surely gone (decision 0064)
 */
@ConfigurationProperties("penguinmails.sending.scheduler")
public record SchedulerSettings(@Bindable(defaultValue = "8") int parallelism,
                                @Bindable(defaultValue = "15s") Duration leaseMargin) {
}
