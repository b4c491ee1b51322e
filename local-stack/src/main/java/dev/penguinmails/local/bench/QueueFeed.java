package dev.penguinmails.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.RuleSpec;
import dev.penguinmails.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.event.ruler.GenericMachine;

/**
 * Where the message a queue consumer is probed with comes from, so that every consumer handles a realistic one:
 * the signup's own event where a rule routes it to the queue; else the registered sample event
 * ({@value #SAMPLES}/{@code <detail-type>.json}) of the first detail-type a rule of the queue routes, published to
 * the local bus; billing's Stripe queue, which no rule feeds, gets the webhooks of a Stripe Checkout; another queue
 * no rule feeds gets its registered sample message ({@value #MESSAGES}/{@code <queue>.json}, sent as it is), or
 * else is probed with what its caller left on it.
 */
sealed interface QueueFeed {
    /** Where the registered sample events are, under the project root. */
    String SAMPLES = "events/src/test/resources/events";
    /** Where the registered sample messages of queues no rule feeds are, under the project root. */
    String MESSAGES = "local-stack/bench/queue-messages";
    /** The event the HTTP API probe's signup publishes. */
    String SIGNUP_DETAIL_TYPE = "account.signed_up";

    /** The column {@code ColdStartProbe --list} prints for the queue: how the bench script must fill it. */
    String label();

    /** The signup left its event on the queue (identity's emails): nothing to publish. */
    record Signup() implements QueueFeed {
        @Override
        public String label() {
            return "signup";
        }
    }

    /** The registered sample of {@code detailType}, published to the bus with a fresh id; the rule routes it. */
    record Sample(String detailType, Path file) implements QueueFeed {
        @Override
        public String label() {
            return "sample:" + detailType;
        }
    }

    /**
     * The Stripe events of a Checkout that the bench script completes on the stand-in after signing in: the
     * stand-in's signed webhooks reach billing's webhook endpoint, which queues them.
     */
    record StripeCheckout() implements QueueFeed {
        @Override
        public String label() {
            return "stripe-checkout";
        }
    }

    /** No rule feeds the queue, which has a registered sample message: the probe sends it to the queue. */
    record QueueMessage(String queue, Path file) implements QueueFeed {
        @Override
        public String label() {
            return "message:" + queue;
        }
    }

    /** No rule feeds the queue: the probe takes what whoever runs it put there. */
    record AlreadyQueued() implements QueueFeed {
        @Override
        public String label() {
            return "queued";
        }
    }

    /**
     * The feed of {@code queue} in {@code topology}, the samples read from {@code samples}.
     *
     * @throws ProbeException (exit code 2) when rules feed the queue but no registered sample matches them
     */
    static QueueFeed of(Topology topology, Path samples, String queue, ObjectMapper json) {
        List<RuleSpec> rules = topology.rules().stream().filter(r -> r.targetQueues().contains(queue)).toList();
        if (rules.isEmpty()) {
            if (queue.equals(PenguinMailsTopology.BILLING_STRIPE_EVENTS)) {
                return new StripeCheckout();
            }
            Path message = projectRoot(samples).resolve(MESSAGES).resolve(queue + ".json");
            return Files.exists(message) ? new QueueMessage(queue, message) : new AlreadyQueued();
        }
        Path signup = samples.resolve(SIGNUP_DETAIL_TYPE + ".json");
        if (Files.exists(signup) && rules.stream().anyMatch(r -> matches(r, read(signup)))) {
            return new Signup();
        }
        for (RuleSpec rule : rules) {
            for (JsonNode detailType : patternOf(rule, json).path("detail-type")) {
                Path sample = samples.resolve(detailType.asText() + ".json");
                if (Files.exists(sample) && matches(rule, read(sample))) {
                    return new Sample(detailType.asText(), sample);
                }
            }
        }
        throw new ProbeException(ProbeException.USAGE, "No registered sample event under " + samples
                + " matches a rule that routes to " + queue + " (" + rules.stream().map(RuleSpec::name).toList() + ").");
    }

    /** The project root, from the samples' folder ({@value #SAMPLES} under it); the folder itself if it is elsewhere. */
    private static Path projectRoot(Path samples) {
        Path root = samples.toAbsolutePath().normalize();
        for (int i = 0; i < Path.of(SAMPLES).getNameCount() && root.getParent() != null; i++) {
            root = root.getParent();
        }
        return root.resolve(SAMPLES).equals(samples.toAbsolutePath().normalize()) ? root : samples;
    }

    /** Whether the rule's pattern matches {@code event}, judged by Event Ruler, as the local bus judges it. */
    private static boolean matches(RuleSpec rule, String event) {
        try {
            GenericMachine<String> machine = new GenericMachine<>();
            machine.addRule(rule.name(), rule.eventPattern());
            return !machine.rulesForJSONEvent(event).isEmpty();
        } catch (Exception e) {
            throw new ProbeException(ProbeException.USAGE, "The pattern of rule " + rule.name()
                    + " or a sample event is not valid JSON: " + e.getMessage());
        }
    }

    private static JsonNode patternOf(RuleSpec rule, ObjectMapper json) {
        try {
            return json.readTree(rule.eventPattern());
        } catch (IOException e) {
            throw new ProbeException(ProbeException.USAGE, "The pattern of rule " + rule.name() + " is not JSON.");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample event " + file, e);
        }
    }
}
