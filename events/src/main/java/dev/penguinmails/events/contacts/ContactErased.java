package dev.penguinmails.events.contacts;

import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code contact.erased}: the person asked to be forgotten (GDPR/CCPA). Beyond dropping the copy (as for
 * {@code contact.deleted}, which is published with it), delete everything held about the contact by id or by
 * {@code emailHash}: message logs, events, query rows. The address stays suppressed by hash only.
 */
@Serdeable
public record ContactErased(String contactId, String emailHash, long version) { }
