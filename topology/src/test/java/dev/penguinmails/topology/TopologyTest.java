package dev.penguinmails.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopologyTest {

    @Test
    void theStackIsConsistent() {
        Topology t = PenguinMailsTopology.define();
        assertThat(t.functions()).extracting(FunctionSpec::family).contains("identity");
        assertThat(t.httpRoutes()).extracting(r -> r.route().routeKey()).contains("POST /v1/signup");
        t.rules().forEach(r -> r.targetQueues().forEach(q -> assertThat(t.queue(q)).isPresent()));
    }

    @Test
    void aRuleThatTargetsAnUnknownQueueIsRejected() {
        assertThatThrownBy(() -> new Topology("stack", List.of(), List.of(), List.of(), "bus",
                List.of(new RuleSpec("lost", "{\"source\":[\"x\"]}", List.of("nowhere"))), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nowhere");
    }

    @Test
    void twoConsumersOfOneQueueAreRejected() {
        var access = new FunctionSpec.Access(List.of(), List.of(), List.of(), false, false);
        var a = new FunctionSpec("alpha", 512, 10, Optional.empty(),
                List.of(new QueueHandler("work", "A", "jobs", 10, 0)), List.of(), access);
        var b = new FunctionSpec("bravo", 512, 10, Optional.empty(),
                List.of(new QueueHandler("work", "B", "jobs", 10, 0)), List.of(), access);
        assertThatThrownBy(() -> new Topology("stack", List.of(), List.of(), List.of(QueueSpec.work("jobs", 60, 3)),
                "bus", List.of(), List.of(a, b)))
                .hasMessageContaining("two consumers");
    }

    @Test
    void aConsumedQueueNeedsAVisibilityTimeoutOfSixTimesTheFunctionTimeout() {
        var access = new FunctionSpec.Access(List.of(), List.of(), List.of(), false, false);
        var slow = new FunctionSpec("alpha", 512, 20, Optional.empty(),
                List.of(new QueueHandler("work", "A", "jobs", 10, 0)), List.of(), access);

        assertThatThrownBy(() -> new Topology("stack", List.of(), List.of(), List.of(QueueSpec.work("jobs", 119, 3)),
                "bus", List.of(), List.of(slow)))
                .hasMessageContaining("queue jobs has a visibility timeout of 119 s")
                .hasMessageContaining("at least 120 s");
        assertThat(new Topology("stack", List.of(), List.of(), List.of(QueueSpec.work("jobs", 120, 3)),
                "bus", List.of(), List.of(slow)).queue("jobs")).isPresent();
        Topology real = PenguinMailsTopology.define();
        real.functions().forEach(f -> f.queueHandlers().forEach(h -> assertThat(
                real.queue(h.queue()).orElseThrow().visibilityTimeoutSeconds()).isGreaterThanOrEqualTo(6 * f.timeoutSeconds())));
    }

    @Test
    void aConsumersMaximumConcurrencyIsWhatAnEventSourceMappingAccepts() {
        assertThat(new QueueHandler("work", "A", "jobs", 10, 0).maximumConcurrency()).isEqualTo(2);
        assertThatThrownBy(() -> new QueueHandler("work", "A", "jobs", 10, 0, 1)).hasMessageContaining("2 to 1000");
        assertThatThrownBy(() -> new QueueHandler("work", "A", "jobs", 10, 0, 1001)).hasMessageContaining("2 to 1000");
    }

    @Test
    void routesAndSchedulesAreParsed() {
        assertThat(HttpRoute.of("ANY /v1/me/{proxy+}").greedy()).isTrue();
        assertThatThrownBy(() -> HttpRoute.of("GET /v1/{proxy+}/x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ScheduledHandler("tick", "X", "rate(5 minutes)").periodSeconds()).isEqualTo(300);
        assertThatThrownBy(() -> new ScheduledHandler("tick", "X", "cron(0 * * * ? *)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ConfigKeys.environmentVariable(ConfigKeys.table("identity"))).isEqualTo("PENGUINMAILS_TABLES_IDENTITY");
    }
}
