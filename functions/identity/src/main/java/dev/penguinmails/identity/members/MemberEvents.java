package dev.penguinmails.identity.members;

import dev.penguinmails.events.EventType;
import dev.penguinmails.identity.accounts.AccountEvents;
import dev.penguinmails.identity.accounts.EventTypeSource;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;

/** The membership events (source {@code penguinmails.identity}). Roles are owner, admin, member or viewer. */
@Singleton
public class MemberEvents implements EventTypeSource {
    public static final EventType<MemberRoleChanged> ROLE_CHANGED =
            new EventType<>("member.role_changed", AccountEvents.SOURCE, 1, MemberRoleChanged.class);
    public static final EventType<MemberRemoved> REMOVED =
            new EventType<>("member.removed", AccountEvents.SOURCE, 1, MemberRemoved.class);
    public static final EventType<MemberLeft> LEFT =
            new EventType<>("member.left", AccountEvents.SOURCE, 1, MemberLeft.class);
    public static final EventType<OwnershipTransferred> OWNERSHIP_TRANSFERRED =
            new EventType<>("workspace.ownership_transferred", AccountEvents.SOURCE, 1, OwnershipTransferred.class);
    public static final List<EventType<?>> ALL = List.of(ROLE_CHANGED, REMOVED, LEFT, OWNERSHIP_TRANSFERRED);

    @Override
    public Collection<EventType<?>> eventTypes() {
        return ALL;
    }

    /** {@code member.role_changed}. */
    @Serdeable
    public record MemberRoleChanged(String userId, String previousRole, String role, String actorId) { }

    /** {@code member.removed}: an admin or owner removed the member. */
    @Serdeable
    public record MemberRemoved(String userId, String role, String actorId) { }

    /** {@code member.left}: the member left on their own. */
    @Serdeable
    public record MemberLeft(String userId, String role) { }

    /** {@code workspace.ownership_transferred}: the primary owner handed the workspace over. */
    @Serdeable
    public record OwnershipTransferred(String previousOwnerId, String newOwnerId, String previousOwnerRole) { }
}
