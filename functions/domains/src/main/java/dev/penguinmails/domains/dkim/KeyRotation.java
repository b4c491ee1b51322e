package dev.penguinmails.domains.dkim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a domain's DKIM keys move at a verification: a NEXT key whose record is published and ours takes over
 * signing (ACTIVE), the key it replaces keeps being published as RETIRING for {@code overlap}, and a RETIRING key
 * past its time is dropped. Pure, so the rules are tested without DNS.
 */
public final class KeyRotation {
    private KeyRotation() { }

    /**
     * @param keys      the domain's keys now
     * @param verified  the selectors whose records verified in this check
     * @return the keys after this verification (the same list when nothing moves)
     */
    public static List<DkimKey> step(List<DkimKey> keys, Set<String> verified, Instant now, Duration overlap) {
        boolean promote = keys.stream().anyMatch(k -> k.state() == DkimKey.State.NEXT && verified.contains(k.selector()));
        List<DkimKey> next = new ArrayList<>();
        for (DkimKey key : keys) {
            switch (key.state()) {
                case ACTIVE -> next.add(promote ? key.withState(DkimKey.State.RETIRING, now.plus(overlap)) : key);
                case NEXT -> next.add(promote ? key.withState(DkimKey.State.ACTIVE, null) : key);
                case RETIRING -> {
                    if (key.retireAfter() != null && key.retireAfter().isAfter(now)) {
                        next.add(key);
                    }
                }
            }
        }
        return next.equals(keys) ? keys : List.copyOf(next);
    }

    /** The selector after {@code keys}' highest: {@code pm1} → {@code pm2}. */
    public static String nextSelector(List<DkimKey> keys) {
        int highest = keys.stream().map(DkimKey::selector).filter(s -> s.matches("pm\\d+"))
                .mapToInt(s -> Integer.parseInt(s.substring(2))).max().orElse(0);
        return "pm" + (highest + 1);
    }
}
