package dev.penguinmails.contacts.segments;

import java.time.Instant;

/** A saved segment: a name and a definition, evaluated on demand against the query model. */
public record Segment(String id, String name, Condition definition, Instant createdAt, Instant updatedAt) { }
