package dev.penguinmails.contacts.lists;

import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a list an import filled into the query model when {@code contact.import.completed} names it (decision 0041):
 * family contacts put the list (when the import created it) and its members into the contacts table, the list's
 * system of record; this writes the list's row and every member through, as the list routes do. Repeating it changes
 * nothing, so a redelivered event is harmless.
 */
@Singleton
public class ImportedLists {
    static final String ACTOR = "system:imports";
    private static final int PAGE = 1000;
    private final ListStore store;
    private final ListRows rows;

    ImportedLists(ListStore store, ListRows rows) {
        this.store = store;
        this.rows = rows;
    }

    /** False if the list is gone (deleted since): nothing to copy. */
    public boolean copy(String workspaceId, String listId) {
        TenantContext tenant = TenantContext.system(workspaceId, ACTOR);
        ContactList list = store.get(tenant, listId).orElse(null);
        if (list == null) {
            return false;
        }
        rows.put(workspaceId, list);
        List<String> page = new ArrayList<>(PAGE);
        store.forEachMember(tenant, listId, contactId -> {
            page.add(contactId);
            if (page.size() == PAGE) {
                rows.add(workspaceId, listId, page);
                page.clear();
            }
        });
        if (!page.isEmpty()) {
            rows.add(workspaceId, listId, page);
        }
        return true;
    }
}
