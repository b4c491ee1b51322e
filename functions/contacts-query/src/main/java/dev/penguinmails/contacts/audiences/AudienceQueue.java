package dev.penguinmails.contacts.audiences;

import dev.penguinmails.shared.aws.JsonQueueMessages;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

/**
 * Queues the next slice of an audience on {@code contacts-audiences}, the queue that brings {@code campaign.launched}
 * too: a slice message is not an EventBridge event (it has no {@code detail-type}), which is how the consumer tells
 * them apart.
 */
@Singleton
class AudienceQueue {
    private final JsonQueueMessages messages;
    private final String queueUrl;

    AudienceQueue(JsonQueueMessages messages,
                  @Property(name = "penguinmails.queues." + PenguinMailsTopology.CONTACTS_AUDIENCES) String queueUrl) {
        this.messages = messages;
        this.queueUrl = queueUrl;
    }

    void send(String workspaceId, String campaignId, long campaignVersion) {
        messages.send(queueUrl, new Slice(workspaceId, campaignId, campaignVersion));
    }

    /** The message of a slice: which audience; its progress is in its row. */
    @Serdeable
    record Slice(String workspaceId, String campaignId, long campaignVersion) { }
}
