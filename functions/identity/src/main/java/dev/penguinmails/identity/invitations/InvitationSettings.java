package dev.penguinmails.identity.invitations;

import dev.penguinmails.shared.ratelimit.Limit;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The invitations' tunables, bound from {@code penguinmails.identity.invitations.*}. The throttles count
 * invitation emails, resends included, so that invitations cannot be used to send spam.
 *
 * @param linkLifetime        how long an invitation link works ({@code link-lifetime}, 7 days)
 * @param perWorkspacePerHour invitation emails per workspace an hour ({@code per-workspace-per-hour}, 50)
 * @param perUserPerHour      invitation emails per inviter an hour, across workspaces ({@code per-user-per-hour}, 20)
 * @param resendsPerHour      resends of one invitation an hour ({@code resends-per-hour}, 3)
 */
@ConfigurationProperties("penguinmails.identity.invitations")
public record InvitationSettings(@Bindable(defaultValue = "7d") Duration linkLifetime,
                                 @Bindable(defaultValue = "50") int perWorkspacePerHour,
                                 @Bindable(defaultValue = "20") int perUserPerHour,
                                 @Bindable(defaultValue = "3") int resendsPerHour) {

    public Limit perWorkspace() {
        return Limit.perHour(perWorkspacePerHour);
    }

    public Limit perUser() {
        return Limit.perHour(perUserPerHour);
    }

    public Limit resendsPerInvitation() {
        return Limit.perHour(resendsPerHour);
    }
}
