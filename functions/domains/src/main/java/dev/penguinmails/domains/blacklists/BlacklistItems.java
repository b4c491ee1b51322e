package dev.penguinmails.domains.blacklists;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How the last {@link BlacklistReport} is kept on the domain item: one map attribute, {@value #ATTRIBUTE}. */
public final class BlacklistItems {
    static final String ATTRIBUTE = "blacklists";

    private BlacklistItems() { }

    /** The attributes that hold {@code report}, for {@code DomainStore.replace}. */
    public static Map<String, AttributeValue> write(BlacklistReport report) {
        return Map.of(ATTRIBUTE, AttributeValue.fromM(Map.of(
                "checkedAt", s(report.checkedAt().toString()),
                "queries", AttributeValue.fromN(Long.toString(report.queries())),
                "notChecked", AttributeValue.fromL(report.notChecked().stream().map(BlacklistItems::s).toList()),
                "listings", AttributeValue.fromL(report.listings().stream().map(BlacklistItems::listing).toList()))));
    }

    /** The report kept on {@code item}, if the domain was ever checked. */
    public static Optional<BlacklistReport> read(Map<String, AttributeValue> item) {
        AttributeValue kept = item.get(ATTRIBUTE);
        if (kept == null || !kept.hasM()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> m = kept.m();
        return Optional.of(new BlacklistReport(Instant.parse(m.get("checkedAt").s()),
                m.get("listings").l().stream().map(v -> listing(v.m())).toList(),
                m.get("notChecked").l().stream().map(AttributeValue::s).toList(),
                Long.parseLong(m.get("queries").n())));
    }

    private static AttributeValue listing(Listing l) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("zone", s(l.zone()));
        m.put("kind", s(l.kind()));
        m.put("queried", s(l.queried()));
        m.put("status", s(l.status()));
        m.put("returnCodes", AttributeValue.fromL(l.returnCodes().stream().map(BlacklistItems::s).toList()));
        put(m, "source", l.source());
        put(m, "reason", l.reason());
        put(m, "detail", l.detail());
        put(m, "hint", l.hint());
        return AttributeValue.fromM(m);
    }

    private static Listing listing(Map<String, AttributeValue> m) {
        return new Listing(m.get("zone").s(), m.get("kind").s(), m.get("queried").s(), text(m, "source"),
                m.get("status").s(), m.get("returnCodes").l().stream().map(AttributeValue::s).toList(),
                text(m, "reason"), text(m, "detail"), text(m, "hint"));
    }

    private static void put(Map<String, AttributeValue> m, String name, String value) {
        if (value != null) {
            m.put(name, s(value));
        }
    }

    private static String text(Map<String, AttributeValue> m, String name) {
        AttributeValue v = m.get(name);
        return v == null ? null : v.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
