package dev.penguinmails.contacts.bulk;

import java.util.Arrays;
import java.util.Optional;

/** What a bulk operation does to each contact of its target. */
enum BulkAction {
    TAG("tag", true),
    UNTAG("untag", true),
    ADD_TO_LIST("add_to_list", false),
    REMOVE_FROM_LIST("remove_from_list", false),
    DELETE("delete", true);

    private final String wire;
    /** Changes contacts themselves, so it runs in family contacts, through the contacts' own code path. */
    private final boolean changesContacts;

    BulkAction(String wire, boolean changesContacts) {
        this.wire = wire;
        this.changesContacts = changesContacts;
    }

    String wire() {
        return wire;
    }

    boolean changesContacts() {
        return changesContacts;
    }

    boolean needsTags() {
        return this == TAG || this == UNTAG;
    }

    boolean needsList() {
        return this == ADD_TO_LIST || this == REMOVE_FROM_LIST;
    }

    static Optional<BulkAction> of(String wire) {
        return Arrays.stream(values()).filter(a -> a.wire.equals(wire)).findFirst();
    }
}
