package dev.penguinmails.domains.onboarding;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Bulk onboarding limits and the worker's pace, bound from {@code penguinmails.onboarding.*}.
 *
 * @param maxBytes      the largest CSV accepted ({@code max-bytes}, 1 MiB): well inside API Gateway's 10 MB and
 *                      Lambda's 6 MB request payload, even base64-encoded
 * @param maxRows       the most data rows in one file ({@code max-rows}, 5000)
 * @param sliceBudget   how long one invocation starts new rows ({@code slice-budget}, 80 s): the domains function
 *                      has 120 s, and a mailbox row's connection test can take about 26 s
 * @param rowsPerSlice  the most rows one invocation works through ({@code rows-per-slice}, 5000)
 * @param lease         how long a running slice holds its job ({@code lease}, 150 s): longer than the function's
 *                      timeout, shorter than the queue's visibility timeout, so a crashed slice's message finds the
 *                      job free when it comes back
 * @param keepFor       how long a job and its report are kept ({@code keep-for}, 30 days)
 */
@ConfigurationProperties("penguinmails.onboarding")
public record OnboardingSettings(@Bindable(defaultValue = "1048576") int maxBytes,
                                 @Bindable(defaultValue = "5000") int maxRows,
                                 @Bindable(defaultValue = "80s") Duration sliceBudget,
                                 @Bindable(defaultValue = "5000") int rowsPerSlice,
                                 @Bindable(defaultValue = "150s") Duration lease,
                                 @Bindable(defaultValue = "30d") Duration keepFor) {
    public OnboardingSettings {
        if (maxBytes < 1 || maxRows < 1 || rowsPerSlice < 1) {
            throw new IllegalArgumentException("penguinmails.onboarding limits must be positive");
        }
    }
}
