package dev.penguinmails.domains.onboarding;

import java.util.Locale;

/** Where a job is: waiting for the worker, being worked through, done (whatever its rows did) or given up. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == COMPLETED || this == FAILED;
    }
}
