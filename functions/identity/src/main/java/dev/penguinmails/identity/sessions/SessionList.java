package dev.penguinmails.identity.sessions;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The active sessions of the caller, most recently used first. */
@Serdeable
public record SessionList(List<SessionView> items) {
}
