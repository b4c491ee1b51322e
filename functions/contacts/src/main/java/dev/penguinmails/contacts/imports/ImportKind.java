package dev.penguinmails.contacts.imports;

/**
 * What an import's rows become: contacts, or entries of the workspace's suppression list. Both go through the same
 * worker (lease, prepared and committed batches, report, upload deleted at the end); the kind picks the rows' plan,
 * the import's id prefix, its partition and its upload key's prefix, so the queue's consumer tells the files apart by
 * their keys alone.
 */
public enum ImportKind {
    CONTACTS("imp", "CONTACT-IMPORTS", "uploads/"),
    SUPPRESSIONS("simp", "SUPPRESSION-IMPORTS", "suppression-uploads/");

    private final String idPrefix;
    private final String partition;
    private final String uploadPrefix;

    ImportKind(String idPrefix, String partition, String uploadPrefix) {
        this.idPrefix = idPrefix;
        this.partition = partition;
        this.uploadPrefix = uploadPrefix;
    }

    public String idPrefix() {
        return idPrefix;
    }

    String partition() {
        return partition;
    }

    String uploadPrefix() {
        return uploadPrefix;
    }

    /** The kind an import id names by its prefix (an id of no known kind is taken as a contact import's). */
    static ImportKind ofId(String id) {
        return id != null && id.startsWith(SUPPRESSIONS.idPrefix + "_") ? SUPPRESSIONS : CONTACTS;
    }
}
