package dev.penguinmails.identity.accounts;

import dev.penguinmails.events.EventType;
import java.util.Collection;

/**
 * Event types identity publishes that are not (yet) in events' {@code EventTypes} registry. Each
 * capability that has some declares a bean; {@link IdentityEventCodec} decodes them and the email
 * consumer accepts them. When the lead moves a type into {@code EventTypes}, its entry here goes.
 */
public interface EventTypeSource {
    Collection<EventType<?>> eventTypes();
}
