package dev.penguinmails.events.contacts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * {@code campaign.audience.chunk}: part {@code chunk} (from 0) of {@code chunks} of a launched campaign's audience,
 * resolved once into a snapshot of {@code audienceSize} distinct active contacts, each with the fields sending
 * personalises with. An empty audience is one chunk with no contacts. Consumers apply each (campaign, chunk) once;
 * later changes to a contact arrive as {@code contact.*} events, applied by {@code version}. {@code contacts} is
 * always written, empty or not (the schema requires it).
 */
@Serdeable
public record AudienceChunk(String campaignId, long campaignVersion, int chunk, int chunks, int audienceSize,
                            @JsonInclude(JsonInclude.Include.ALWAYS) List<ContactState> contacts) { }
