package dev.penguinmails.shared.priming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.testsupport.CapturedStdout;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PrimingTest {

    @Test
    void runsEveryPrimerInTheBackgroundAndAFailureDoesNotStopTheOthers() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        Primer failing = primer("failing", () -> {
            throw new IllegalStateException("no table");
        });
        Primer working = primer("working", () -> {
            ran.add("working");
            threads.add(Thread.currentThread().getName());
        });
        Priming priming = new Priming(List.of(failing, working));
        priming.start();

        assertThat(priming.awaitCompletion(Duration.ofSeconds(5))).isTrue();
        assertThat(ran).containsExactly("working");
        assertThat(threads).containsExactly("priming");
    }

    @Test
    void awaitingReportsPrimersStillRunning() throws Exception {
        Object release = new Object();
        Primer slow = primer("slow", () -> {
            synchronized (release) {
                release.wait(2_000);
            }
        });
        Priming priming = new Priming(List.of(slow));
        priming.start();

        assertThat(priming.awaitCompletion(Duration.ofMillis(50))).isFalse();
        synchronized (release) {
            release.notifyAll();
        }
        assertThat(priming.awaitCompletion(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aCheckpointWaitsForThePrimersSoTheSnapshotIsPrimed() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        Primer slow = primer("slow", () -> {
            Thread.sleep(300);
            ran.add("slow");
        });
        Priming priming = new Priming(List.of(slow));
        priming.start();

        priming.beforeCheckpoint(null);

        assertThat(ran).containsExactly("slow");
    }

    @Test
    void aPrimerThatCannotBeCreatedFailsAloneWhenTheContextStarts() throws Exception {
        // A primer whose bean throws on creation (as one missing its table would); the context still starts.
        List<JsonNode> lines;
        try (CapturedStdout out = new CapturedStdout();
             ApplicationContext context = ApplicationContext.run(Map.of("penguinmails.stage", "local",
                     UncreatablePrimer.ENABLED, "true"), "function")) {
            Priming priming = context.getBean(Priming.class);

            assertThat(priming.awaitCompletion(Duration.ofSeconds(10))).isTrue();
            assertThat(context.isRunning()).isTrue();
            lines = out.jsonLines();
        }
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("level").asText()).isEqualTo("WARN");
            assertThat(line.path("formattedMessage").asText()).startsWith("Priming a primer failed");
        });
    }

    @Test
    void isOffInTestsAndWhenSwitchedOff() {
        try (ApplicationContext function = ApplicationContext.run(Map.of(), "function");
             ApplicationContext test = ApplicationContext.run(Map.of(), Environment.TEST);
             ApplicationContext off = ApplicationContext.run(Map.of(Priming.ENABLED, "false"), "function")) {
            assertThat(Priming.enabled(function.getEnvironment())).isTrue();
            assertThat(Priming.enabled(test.getEnvironment())).isFalse();
            assertThat(Priming.enabled(off.getEnvironment())).isFalse();
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static Primer primer(String name, Work work) {
        return new Primer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void prime() throws Exception {
                work.run();
            }
        };
    }
}
