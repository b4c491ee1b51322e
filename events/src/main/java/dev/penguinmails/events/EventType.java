package dev.penguinmails.events;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One kind of domain event: its EventBridge {@code detail-type} and {@code source}, the schema
 * version producers write, and the payload record that carries its fields.
 *
 * @param detailType    e.g. {@code account.signed_up}; also names its schema {@code schemas/<detailType>.json}
 * @param source        {@code penguinmails.<function>}, the only source allowed to publish it
 * @param schemaVersion the {@code schemaVersion} written into every detail of this type
 * @param payloadClass  the {@code @Serdeable} record whose components are the detail's payload fields
 */
public record EventType<P extends Record>(String detailType, String source, int schemaVersion, Class<P> payloadClass) {

    /** Fields every detail carries beside the payload; a payload may not reuse their names. */
    public static final Set<String> ENVELOPE_FIELDS = Set.of("schemaVersion", "eventId", "workspaceId", "occurredAt");

    private static final Pattern DETAIL_TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    private static final Pattern SOURCE = Pattern.compile("penguinmails\\.[a-z][a-z0-9-]*");

    public EventType {
        Objects.requireNonNull(detailType, "detailType");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payloadClass, "payloadClass");
        if (!DETAIL_TYPE.matcher(detailType).matches()) {
            throw new IllegalArgumentException("detail-type must be dotted lower-case words, e.g. account.signed_up: " + detailType);
        }
        if (!SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException("source must be penguinmails.<function>: " + source);
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1 for " + detailType);
        }
        // The detail is flat (envelope and payload side by side), so a clash would silently overwrite.
        Arrays.stream(payloadClass.getRecordComponents())
                .filter(c -> ENVELOPE_FIELDS.contains(c.getName()))
                .findFirst()
                .ifPresent(c -> {
                    throw new IllegalArgumentException(payloadClass.getSimpleName() + "." + c.getName()
                            + " clashes with an envelope field of " + detailType);
                });
    }

    /** The function that publishes this type, e.g. {@code identity} for {@code penguinmails.identity}. */
    public String producer() {
        return source.substring("penguinmails.".length());
    }

    /** The classpath resource holding the JSON Schema of this type's whole {@code detail}. */
    public String schemaResource() {
        return "schemas/" + detailType + ".json";
    }
}
