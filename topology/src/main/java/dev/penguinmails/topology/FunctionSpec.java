package dev.penguinmails.topology;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One function family: a Maven module under {@code functions/} built into one Lambda jar. Each of
 * its entry points (the HTTP API handler, each queue consumer, each scheduled job) is deployed as
 * a Lambda of its own from that jar, and all of them share the family's least-privilege access.
 *
 * @param family    short name, e.g. {@code identity}; also the module folder under {@code functions/}
 * @param memoryMb  Lambda memory for every entry point of the family
 * @param timeoutSeconds Lambda timeout for every entry point of the family
 */
public record FunctionSpec(
        String family,
        int memoryMb,
        int timeoutSeconds,
        Optional<HttpApiHandler> httpApi,
        List<QueueHandler> queueHandlers,
        List<ScheduledHandler> scheduledHandlers,
        Access access) {

    public FunctionSpec {
        Names.requireLogicalName(family);
        if (memoryMb < 128 || memoryMb > 10_240) {
            throw new IllegalArgumentException("memory out of range for " + family);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 900) {
            throw new IllegalArgumentException("timeout out of range for " + family);
        }
        queueHandlers = List.copyOf(queueHandlers);
        scheduledHandlers = List.copyOf(scheduledHandlers);
    }

    /** The Maven module folder, relative to the project root. */
    public String moduleDirectory() {
        return "functions/" + family;
    }

    /** The deployable jar, relative to the project root, as the module's build writes it. */
    public String jarPath() {
        return moduleDirectory() + "/target/" + family + "-lambda.jar";
    }

    /** Every entry point, each of which becomes one Lambda. */
    public Stream<EntryPoint> entryPoints() {
        return Stream.of(httpApi.stream(), queueHandlers.stream(), scheduledHandlers.stream())
                .flatMap(s -> s.map(EntryPoint.class::cast));
    }

    /** What the family may touch. Everything else is denied. */
    public record Access(List<String> tables, List<String> buckets, List<String> sendToQueues,
                         boolean publishEvents, boolean sendEmail) {
        public Access {
            tables = List.copyOf(tables);
            buckets = List.copyOf(buckets);
            sendToQueues = List.copyOf(sendToQueues);
        }
    }
}
