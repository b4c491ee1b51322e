package dev.penguinmails.contacts.audiences;

import java.time.Instant;
import java.util.List;

/**
 * A campaign's resolved audience: {@code audienceSize} contacts at positions 1..size, cut into chunks that start at
 * {@code chunkStarts} (an empty audience has one chunk, starting at 1 and holding nothing). Every chunk before
 * {@code nextChunk} has been published.
 */
record Audience(String workspaceId, String campaignId, long campaignVersion, int audienceSize, List<Integer> chunkStarts,
                int nextChunk, String eventSeed, Instant createdAt, Instant completedAt) {

    Audience {
        chunkStarts = List.copyOf(chunkStarts);
    }

    int chunks() {
        return chunkStarts.size();
    }

    boolean finished() {
        return nextChunk >= chunks();
    }

    /** The first position of {@code chunk}. */
    int start(int chunk) {
        return chunkStarts.get(chunk);
    }

    /** The position after the last of {@code chunk}. */
    int end(int chunk) {
        return chunk + 1 < chunks() ? chunkStarts.get(chunk + 1) : audienceSize + 1;
    }
}
