package dev.penguinmails.identity.workspaces;

import dev.penguinmails.events.EventType;
import dev.penguinmails.identity.accounts.AccountEvents;
import dev.penguinmails.identity.accounts.EventTypeSource;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;

/**
 * The workspace lifecycle events (source {@code penguinmails.identity}; schemas
 * {@code schemas/<detail-type>.json}). The envelope's workspaceId names the workspace.
 */
@Singleton
public class WorkspaceEvents implements EventTypeSource {
    public static final EventType<WorkspaceCreated> CREATED =
            new EventType<>("workspace.created", AccountEvents.SOURCE, 1, WorkspaceCreated.class);
    public static final EventType<WorkspaceRenamed> RENAMED =
            new EventType<>("workspace.renamed", AccountEvents.SOURCE, 1, WorkspaceRenamed.class);
    public static final EventType<WorkspaceDeleted> DELETED =
            new EventType<>("workspace.deleted", AccountEvents.SOURCE, 1, WorkspaceDeleted.class);
    public static final EventType<WorkspaceRestored> RESTORED =
            new EventType<>("workspace.restored", AccountEvents.SOURCE, 1, WorkspaceRestored.class);
    public static final EventType<WorkspacePurged> PURGED =
            new EventType<>("workspace.purged", AccountEvents.SOURCE, 1, WorkspacePurged.class);
    public static final List<EventType<?>> ALL = List.of(CREATED, RENAMED, DELETED, RESTORED, PURGED);

    @Override
    public Collection<EventType<?>> eventTypes() {
        return ALL;
    }

    /** {@code workspace.created}: a person created a workspace (besides the first one, made at signup). */
    @Serdeable
    public record WorkspaceCreated(String name, String ownerId) { }

    /** {@code workspace.renamed}. */
    @Serdeable
    public record WorkspaceRenamed(String name, String previousName, String actorId) { }

    /**
     * {@code workspace.deleted}: soft-deleted; every function should stop working for it (it can be
     * restored until {@code purgeAfter}, ISO-8601).
     */
    @Serdeable
    public record WorkspaceDeleted(String name, String actorId, String purgeAfter) { }

    /** {@code workspace.restored}: back in use; functions resume. */
    @Serdeable
    public record WorkspaceRestored(String name, String actorId) { }

    /**
     * {@code workspace.purged}: identity deleted everything it held for the workspace; every function
     * must now delete what it holds. {@code deletedAt} is when it was soft-deleted (ISO-8601).
     */
    @Serdeable
    public record WorkspacePurged(String name, String deletedAt) { }
}
