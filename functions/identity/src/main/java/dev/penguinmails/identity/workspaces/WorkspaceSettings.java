package dev.penguinmails.identity.workspaces;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The workspace lifecycle's tunables, bound from {@code penguinmails.identity.workspaces.*}.
 *
 * @param deletionGrace how long a deleted workspace can be restored before it is purged
 *                      ({@code deletion-grace}, 30 days; not negative)
 */
@ConfigurationProperties("penguinmails.identity.workspaces")
public record WorkspaceSettings(@Bindable(defaultValue = "30d") Duration deletionGrace) {
    public WorkspaceSettings {
        if (deletionGrace.isNegative()) {
            throw new IllegalArgumentException("penguinmails.identity.workspaces.deletion-grace cannot be negative");
        }
    }
}
