package dev.penguinmails.identity.emails;

import dev.penguinmails.events.DomainEvent;
import java.util.Optional;

/**
 * One kind of account email, sent when an identity event of {@link #detailType()} arrives. Several may
 * answer the same type (an email change mails the new and the old address). To add an email, add a
 * bean; the consumer finds it.
 */
public interface IdentityEmail {
    /** The detail-type of the events this email answers, e.g. {@code account.signed_up}. */
    String detailType();

    /**
     * The email for {@code event}, or empty when none is due (e.g. the address was verified meanwhile).
     * Minting one-time tokens belongs here, so tokens never travel in events.
     */
    Optional<OutgoingEmail> compose(DomainEvent<?> event);

    /** A stable name, part of the record that the email was sent for an event. */
    default String name() {
        return getClass().getSimpleName();
    }
}
