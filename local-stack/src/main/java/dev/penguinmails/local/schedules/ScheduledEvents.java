package dev.penguinmails.local.schedules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Builds the event EventBridge sends when a schedule rule fires ({@code detail-type: Scheduled Event}). */
public final class ScheduledEvents {
    private final ObjectMapper json;
    private final String account;
    private final String region;

    public ScheduledEvents(ObjectMapper json, String account, String region) {
        this.json = json;
        this.account = account;
        this.region = region;
    }

    /** The ARN of a schedule rule, which the event lists in {@code resources}. */
    public String ruleArn(String ruleName) {
        return "arn:aws:events:" + region + ":" + account + ":rule/" + ruleName;
    }

    public String toEvent(String ruleArn, Instant firedAt) {
        ObjectNode event = json.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", account);
        event.put("time", firedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.putArray("resources").add(ruleArn);
        event.putObject("detail");
        return event.toString();
    }
}
