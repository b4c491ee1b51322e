package dev.penguinmails.events.publish;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Splits entries into PutEvents calls within EventBridge's limits: at most 10 entries and 256 KB per
 * call, entry sizes counted as AWS documents it (time, source, detail-type, detail, resources).
 */
public final class PutEventsBatches {
    public static final int MAX_ENTRIES = 10;
    public static final int MAX_BYTES = 256 * 1024;
    private static final int TIME_BYTES = 14;

    private PutEventsBatches() { }

    /**
     * Consecutive groups of {@code entries}, in order, each small enough for one PutEvents call.
     *
     * @throws IllegalArgumentException if one entry alone is larger than 256 KB
     */
    public static <E> List<List<E>> split(List<E> entries, Function<E, PutEventsRequestEntry> entryOf) {
        List<List<E>> batches = new ArrayList<>();
        List<E> current = new ArrayList<>();
        int currentBytes = 0;
        for (E item : entries) {
            int size = size(entryOf.apply(item));
            if (size > MAX_BYTES) {
                throw new IllegalArgumentException("event entry of " + size + " bytes exceeds EventBridge's " + MAX_BYTES + " byte limit");
            }
            if (current.size() == MAX_ENTRIES || currentBytes + size > MAX_BYTES) {
                batches.add(List.copyOf(current));
                current.clear();
                currentBytes = 0;
            }
            current.add(item);
            currentBytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(List.copyOf(current));
        }
        return batches;
    }

    /** The size EventBridge counts for {@code entry} against the 256 KB limit. */
    public static int size(PutEventsRequestEntry entry) {
        int size = entry.time() != null ? TIME_BYTES : 0;
        size += utf8(entry.source()) + utf8(entry.detailType()) + utf8(entry.detail());
        if (entry.hasResources()) {
            for (String resource : entry.resources()) {
                size += utf8(resource);
            }
        }
        return size;
    }

    private static int utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
