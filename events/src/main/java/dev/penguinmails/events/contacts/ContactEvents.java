package dev.penguinmails.events.contacts;

import dev.penguinmails.events.EventType;
import java.util.List;

/**
 * The events the contacts function publishes (source {@code penguinmails.contacts}); listed in
 * {@link dev.penguinmails.events.EventTypes}. Created and updated carry the contact's whole state
 * ({@link ContactState}) with its version, so a consumer keeps its own copy and ignores an older one. The
 * suppression events are what sending's one shared check is fed by; they name addresses by
 * {@link EmailHashes hash}. Billing counts {@code contact.created} against the plan's contacts.
 */
public final class ContactEvents {
    public static final String SOURCE = "penguinmails.contacts";

    /** A contact was added to the workspace. */
    public static final EventType<ContactCreated> CONTACT_CREATED = type("contact.created", ContactCreated.class);
    /** A contact's fields or status changed. */
    public static final EventType<ContactUpdated> CONTACT_UPDATED = type("contact.updated", ContactUpdated.class);
    /** A contact was deleted: drop the copy. */
    public static final EventType<ContactDeleted> CONTACT_DELETED = type("contact.deleted", ContactDeleted.class);
    /** A contact was erased on request: delete everything held about it. */
    public static final EventType<ContactErased> CONTACT_ERASED = type("contact.erased", ContactErased.class);
    /** A contact's status became unsubscribed: stop mailing it now. */
    public static final EventType<ContactUnsubscribed> CONTACT_UNSUBSCRIBED =
            type("contact.unsubscribed", ContactUnsubscribed.class);
    /** An address or a domain may no longer be mailed from the workspace. */
    public static final EventType<SuppressionAdded> SUPPRESSION_ADDED = type("suppression.added", SuppressionAdded.class);
    /** A suppression entry was removed. */
    public static final EventType<SuppressionRemoved> SUPPRESSION_REMOVED =
            type("suppression.removed", SuppressionRemoved.class);

    /** An import read its whole file. */
    public static final EventType<ContactImportCompleted> CONTACT_IMPORT_COMPLETED =
            type("contact.import.completed", ContactImportCompleted.class);
    /** An import stopped on an error of the whole file. */
    public static final EventType<ContactImportFailed> CONTACT_IMPORT_FAILED =
            type("contact.import.failed", ContactImportFailed.class);

    /** Part of a launched campaign's audience, resolved once into a snapshot (answers {@code campaign.launched}). */
    public static final EventType<AudienceChunk> CAMPAIGN_AUDIENCE_CHUNK =
            type("campaign.audience.chunk", AudienceChunk.class);

    public static final List<EventType<?>> ALL = List.of(CONTACT_CREATED, CONTACT_UPDATED, CONTACT_DELETED,
            CONTACT_ERASED, CONTACT_UNSUBSCRIBED, SUPPRESSION_ADDED, SUPPRESSION_REMOVED, CONTACT_IMPORT_COMPLETED,
            CONTACT_IMPORT_FAILED, CAMPAIGN_AUDIENCE_CHUNK);

    private ContactEvents() { }

    private static <P extends Record> EventType<P> type(String detailType, Class<P> payload) {
        return new EventType<>(detailType, SOURCE, 1, payload);
    }
}
