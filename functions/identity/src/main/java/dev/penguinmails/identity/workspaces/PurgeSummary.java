package dev.penguinmails.identity.workspaces;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What one run of the purge did: the workspaces it finished, how many items it deleted, and whether it
 * stopped for lack of time with work left (the next run resumes it).
 */
@Serdeable
public record PurgeSummary(List<String> purgedWorkspaceIds, long deletedItems, boolean moreToDo) {
    public PurgeSummary {
        purgedWorkspaceIds = List.copyOf(purgedWorkspaceIds);
    }
}
