package dev.penguinmails.cdk.messaging;

import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Parses a topology event pattern into the plain map/list tree that CloudFormation receives, so the
 * deployed pattern is the topology's JSON itself and not a re-typed copy of it.
 */
public final class EventPatterns {

    // Exact decimals: a numeric matcher such as 0.1 must not reach CloudFormation as 0.1000000000000000055.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private EventPatterns() { }

    /** The pattern as a JSON object tree; rejects anything that is not a JSON object. */
    public static Map<String, Object> parse(String ruleName, String eventPattern) {
        try {
            return JSON.readValue(eventPattern, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("rule " + ruleName + " has an event pattern that is not a JSON object: "
                    + e.getOriginalMessage(), e);
        }
    }
}
