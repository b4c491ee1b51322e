package dev.penguinmails.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.events.contacts.AudienceChunk;
import dev.penguinmails.events.contacts.ContactEvents;
import dev.penguinmails.events.schema.SchemaValidator;
import dev.penguinmails.events.sending.CampaignLaunched;
import dev.penguinmails.events.sending.SendingEvents;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lists a schema requires are written even when empty (the serializer leaves empty collections out unless told):
 * a launch that names only segments, and the one chunk of an empty audience, must still validate.
 */
class RequiredEmptyListsTest {
    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private static final EventCodec CODEC = new EventCodec(JSON, new SchemaValidator());

    @Test
    void aLaunchWithoutListsAndAnEmptyAudienceChunkValidateAndKeepTheirEmptyLists() throws Exception {
        String launched = CODEC.toDetail(DomainEvent.create(SendingEvents.CAMPAIGN_LAUNCHED, "ws_01KBFX3B5C7D9E1F3G5H7J9K1M",
                new CampaignLaunched("cmp_01KBHY3B5C7D9E1F3G5H7J9K1P", 1, List.of(), List.of())));
        String chunk = CODEC.toDetail(DomainEvent.create(ContactEvents.CAMPAIGN_AUDIENCE_CHUNK, "ws_01KBFX3B5C7D9E1F3G5H7J9K1M",
                new AudienceChunk("cmp_01KBHY3B5C7D9E1F3G5H7J9K1P", 1, 0, 1, 0, List.of())));

        JsonMapper mapper = JSON;
        assertThat(mapper.readValue(launched, JsonNode.class).get("listIds").size()).isZero();
        assertThat(mapper.readValue(launched, JsonNode.class).get("segmentIds").isArray()).isTrue();
        assertThat(mapper.readValue(chunk, JsonNode.class).get("contacts").isArray()).isTrue();
    }
}
