package dev.penguinmails.domains.verification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the last verification found, kept on the domain item ({@value #ATTRIBUTE}) so the domain's health can be told
 * without asking DNS again: when, the outcome, and each record's status and fix.
 */
@Serdeable
public record VerificationSummary(Instant checkedAt, String outcome, List<Check> checks) {
    static final String ATTRIBUTE = "lastVerification";

    public VerificationSummary {
        checks = List.copyOf(checks);
    }

    /** One record's check, without the record values. */
    @Serdeable
    public record Check(String purpose, String name, boolean required, String status, @Nullable String fix) {
        /** The status as a value. */
        public RecordCheck.Status state() {
            return RecordCheck.Status.valueOf(status.toUpperCase(Locale.ROOT));
        }
    }

    static VerificationSummary of(Instant checkedAt, Verification.Outcome outcome, List<RecordCheck> checks) {
        return new VerificationSummary(checkedAt, outcome.name().toLowerCase(Locale.ROOT), checks.stream()
                .map(c -> new Check(c.purpose(), c.name(), c.required(), c.status(), c.fix())).toList());
    }

    /** The attributes that hold this summary, for {@code DomainStore.replace}. */
    Map<String, AttributeValue> attributes() {
        return Map.of(ATTRIBUTE, AttributeValue.fromM(Map.of(
                "checkedAt", AttributeValue.fromS(checkedAt.toString()),
                "outcome", AttributeValue.fromS(outcome),
                "checks", AttributeValue.fromL(checks.stream().map(c -> {
                    Map<String, AttributeValue> m = new HashMap<>(Map.of("purpose", AttributeValue.fromS(c.purpose()),
                            "name", AttributeValue.fromS(c.name()), "required", AttributeValue.fromBool(c.required()),
                            "status", AttributeValue.fromS(c.status())));
                    if (c.fix() != null) {
                        m.put("fix", AttributeValue.fromS(c.fix()));
                    }
                    return AttributeValue.fromM(m);
                }).toList()))));
    }

    /** The summary kept on {@code item}, if the domain was ever verified. */
    public static Optional<VerificationSummary> read(Map<String, AttributeValue> item) {
        AttributeValue kept = item.get(ATTRIBUTE);
        if (kept == null || !kept.hasM()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> m = kept.m();
        return Optional.of(new VerificationSummary(Instant.parse(m.get("checkedAt").s()), m.get("outcome").s(),
                m.get("checks").l().stream().map(v -> {
                    Map<String, AttributeValue> c = v.m();
                    return new Check(c.get("purpose").s(), c.get("name").s(), c.get("required").bool(),
                            c.get("status").s(), c.containsKey("fix") ? c.get("fix").s() : null);
                }).toList()));
    }
}
