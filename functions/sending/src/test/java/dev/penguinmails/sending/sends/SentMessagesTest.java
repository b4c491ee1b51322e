package dev.penguinmails.sending.sends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.events.sending.CampaignSend;
import dev.penguinmails.sending.SendingApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Sent messages in the emulated sending table: recorded once, found only from their own workspace. */
@MicronautTest
@Tag("integration")
class SentMessagesTest extends SendingApiTest {

    @Test
    void aMessageIsRecordedOnceAndFoundOnlyInItsWorkspace() {
        SentMessages messages = context.getBean(SentMessages.class);
        String ws = workspace();
        SentMessage sent = new SentMessage(ws, "018c3f2a9b10.4f1c@mail.acme.io", "mbx_1",
                new CampaignSend("cmp_1", "enr_1", "con_1", 1, "b"), "a".repeat(64), Instant.parse("2026-12-06T10:00:00Z"));

        assertThat(messages.record(sent)).isTrue();
        assertThat(messages.record(sent)).as("a second record of the same message").isFalse();

        assertThat(messages.find(ws, sent.messageId())).contains(sent);
        assertThat(messages.find(workspace(), sent.messageId())).as("another workspace").isEmpty();
        assertThat(messages.find(ws, "unknown@mail.acme.io")).isEmpty();
    }
}
