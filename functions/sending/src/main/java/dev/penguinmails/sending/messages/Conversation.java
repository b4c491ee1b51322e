package dev.penguinmails.sending.messages;

import java.util.List;

/**
 * Where a follow-up sits in its conversation: the Message-ID it answers and the whole chain before it, oldest
 * first (ids without angle brackets), so clients thread it under the first message.
 */
public record Conversation(String inReplyTo, List<String> references) {
    public Conversation {
        if (inReplyTo == null || inReplyTo.isBlank()) {
            throw new IllegalArgumentException("a follow-up answers a Message-ID");
        }
        references = references == null || references.isEmpty() ? List.of(inReplyTo) : List.copyOf(references);
        if (!references.get(references.size() - 1).equals(inReplyTo)) {
            throw new IllegalArgumentException("References must end with the Message-ID answered (" + inReplyTo + ")");
        }
    }

    /** The thread of a message that answers {@code messageId}, which itself was in this thread. */
    public Conversation next(String messageId) {
        List<String> chain = new java.util.ArrayList<>(references.size() + 1);
        chain.addAll(references);
        chain.add(messageId);
        return new Conversation(messageId, chain);
    }

    /** The thread of a message that answers the first one of a conversation. */
    public static Conversation after(String firstMessageId) {
        return new Conversation(firstMessageId, List.of(firstMessageId));
    }
}
