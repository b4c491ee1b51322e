package dev.penguinmails.domains.mailboxes;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * Mailbox limits and connection tests, bound from {@code penguinmails.mailboxes.*}.
 *
 * @param connectTimeout        how long a connection test waits to connect ({@code connect-timeout}, 5 s)
 * @param readTimeout           how long it waits for each answer of the server ({@code read-timeout}, 8 s); both
 *                              tests run at once, so a test ends within about their sum, inside API Gateway's 29 s
 * @param defaultDailyLimit     a new mailbox's daily limit when none is given ({@code default-daily-limit}, 30)
 * @param maxDailyLimit         the highest daily limit accepted ({@code max-daily-limit}, 1000)
 * @param warmupStartPerDay     a new ramp's first-day volume when none is given ({@code warmup-start-per-day}, 5)
 * @param warmupIncreasePerDay  a new ramp's daily increase when none is given ({@code warmup-increase-per-day}, 2)
 * @param smtpPorts             the SMTP ports a mailbox may name ({@code smtp-ports}); the local stack allows any
 * @param imapPorts             the IMAP ports a mailbox may name ({@code imap-ports})
 */
@ConfigurationProperties("penguinmails.mailboxes")
public record MailboxSettings(@Bindable(defaultValue = "5s") Duration connectTimeout,
                              @Bindable(defaultValue = "8s") Duration readTimeout,
                              @Bindable(defaultValue = "30") int defaultDailyLimit,
                              @Bindable(defaultValue = "1000") int maxDailyLimit,
                              @Bindable(defaultValue = "5") int warmupStartPerDay,
                              @Bindable(defaultValue = "2") int warmupIncreasePerDay,
                              @Bindable(defaultValue = "25,465,587,2525") List<Integer> smtpPorts,
                              @Bindable(defaultValue = "143,993") List<Integer> imapPorts) { }
