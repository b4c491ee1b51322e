package dev.penguinmails.contacts.segments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.contacts.query.QueryApiTest;
import dev.penguinmails.contacts.query.projection.Projection;
import dev.penguinmails.events.contacts.ContactState;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Generated contacts and generated definitions: every count the query model answers equals a brute-force
 * evaluation in Java of the same rules over the same contacts, before and after random updates and deletions.
 */
@MicronautTest(transactional = false)
@Tag("integration")
class BruteForceSegmentTest extends QueryApiTest {
    private static final List<String> TAGS = List.of("lead", "q4", "vip", "customer");
    private static final List<String> PLANS = List.of("free", "growth", "enterprise");
    private static final Map<String, String> TYPES = Map.of("seats", "number", "plan", "text");

    /** A rule as JSON, and the same rule as a predicate over a contact. */
    private record Rule(Condition condition, Predicate<ContactState> test) { }

    @Test
    void countsMatchABruteForceEvaluationAsContactsChange() {
        Random random = new Random(20261206);
        String ws = workspace();
        Projection projection = context.getBean(Projection.class);
        SegmentQueries queries = context.getBean(SegmentQueries.class);
        Map<String, ContactState> live = new HashMap<>();
        for (int i = 0; i < 150; i++) {
            ContactState c = contact(random, "p" + i + "@" + (i % 3 == 0 ? "acme.com" : "globex.io"), 1, null);
            live.put(c.contactId(), c);
            projection.apply(ws, c, Instant.now());
        }
        for (int round = 0; round < 3; round++) {
            for (int d = 0; d < 40; d++) {
                Rule rule = definition(random, 0);
                long expected = live.values().stream().filter(rule.test()).count();
                long actual = queries.count(ws, SegmentCompiler.compile(rule.condition(), TYPES));
                assertThat(actual).as("round %d: %s", round, rule.condition()).isEqualTo(expected);
            }
            // Change a third, delete a tenth, and replay some older versions (which must change nothing).
            List<ContactState> all = new ArrayList<>(live.values());
            for (ContactState c : all) {
                int roll = random.nextInt(10);
                if (roll < 3) {
                    ContactState next = contact(random, c.email(), c.version() + 1, c.contactId());
                    projection.apply(ws, next, Instant.now());
                    projection.apply(ws, c, Instant.now());
                    live.put(c.contactId(), next);
                } else if (roll == 3) {
                    projection.delete(ws, c.contactId(), c.version() + 1);
                    projection.apply(ws, c, Instant.now());
                    live.remove(c.contactId());
                }
            }
        }
    }

    private static ContactState contact(Random random, String email, long version, String id) {
        List<String> tags = TAGS.stream().filter(t -> random.nextInt(3) == 0).toList();
        List<ContactState.CustomField> fields = new ArrayList<>();
        if (random.nextInt(5) > 0) {
            fields.add(new ContactState.CustomField("seats", "number", Integer.toString(random.nextInt(100))));
        }
        if (random.nextInt(4) > 0) {
            fields.add(new ContactState.CustomField("plan", "text", PLANS.get(random.nextInt(PLANS.size()))));
        }
        ContactState s = state(email, tags, Map.of());
        return new ContactState(id == null ? s.contactId() : id, email, s.emailHash(), null, null, null, null, null,
                null, tags, fields, "manual", random.nextInt(8) == 0 ? "unsubscribed" : "active", version);
    }

    private static Rule definition(Random random, int depth) {
        int size = 1 + random.nextInt(3);
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            rules.add(depth < 2 && random.nextInt(4) == 0 ? definition(random, depth + 1) : rule(random));
        }
        boolean all = random.nextBoolean();
        Predicate<ContactState> test = all
                ? c -> rules.stream().allMatch(r -> r.test().test(c))
                : c -> rules.stream().anyMatch(r -> r.test().test(c));
        return new Rule(new Condition(all ? "all" : "any", rules.stream().map(Rule::condition).toList(), null, null,
                null, null), test);
    }

    private static Rule rule(Random random) {
        String tag = TAGS.get(random.nextInt(TAGS.size()));
        String other = TAGS.get(random.nextInt(TAGS.size()));
        int n = random.nextInt(100);
        String plan = PLANS.get(random.nextInt(PLANS.size()));
        return switch (random.nextInt(9)) {
            case 0 -> new Rule(rule("tags", "has_any", null, List.of(tag, other)),
                    c -> c.tags().contains(tag) || c.tags().contains(other));
            case 1 -> new Rule(rule("tags", "has_all", null, List.of(tag, other)),
                    c -> c.tags().contains(tag) && c.tags().contains(other));
            case 2 -> new Rule(rule("tags", "has_none", null, List.of(tag)), c -> !c.tags().contains(tag));
            case 3 -> new Rule(rule("custom.seats", "gt", n, null), c -> seats(c) != null && seats(c).intValue() > n);
            case 4 -> new Rule(rule("custom.seats", "between", null, List.of(n / 2, n)),
                    c -> seats(c) != null && seats(c).intValue() >= n / 2 && seats(c).intValue() <= n);
            case 5 -> new Rule(rule("custom.plan", "eq", plan, null), c -> plan.equals(custom(c, "plan")));
            case 6 -> new Rule(rule("custom.seats", "is_empty", null, null), c -> custom(c, "seats") == null);
            case 7 -> new Rule(rule("domain", "eq", "acme.com", null), c -> c.email().endsWith("@acme.com"));
            default -> new Rule(rule("status", "neq", "active", null), c -> !c.status().equals("active"));
        };
    }

    private static Condition rule(String field, String op, Object value, List<Object> values) {
        return new Condition(null, null, field, op, value, values);
    }

    private static String custom(ContactState c, String name) {
        return c.customFields().stream().filter(f -> f.name().equals(name)).map(ContactState.CustomField::value)
                .findFirst().orElse(null);
    }

    private static BigDecimal seats(ContactState c) {
        String v = custom(c, "seats");
        return v == null ? null : new BigDecimal(v);
    }
}
