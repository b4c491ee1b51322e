package dev.penguinmails.contacts.lists;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A static list: contacts added and removed by hand (or by an import), kept by id. */
@Serdeable
@Schema(name = "ContactList")
public record ContactList(String id, String name, Instant createdAt) { }
