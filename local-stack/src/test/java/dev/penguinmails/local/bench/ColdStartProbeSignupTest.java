package dev.penguinmails.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.local.FixtureAccess;
import dev.penguinmails.local.FunctionClasspath;
import dev.penguinmails.local.LocalStack;
import dev.penguinmails.local.e2e.SharedLocalStack;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.AuthorizerHandler;
import dev.penguinmails.topology.EntryPoint;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.ScheduledHandler;
import dev.penguinmails.topology.Topology;
import dev.penguinmails.local.queues.QueuePoller;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The probe's core with the real identity jar, as the bench runs it: with the stack's email poller
 * paused, the HTTP API probe signs up, and the queue probe then handles that signup's event, which sends
 * the verification email.
 */
@SharedLocalStack
class ColdStartProbeSignupTest {
    private static final Pattern EMAIL = Pattern.compile("cold-[0-9a-f]+@example\\.com");
    private static final Topology TOPOLOGY = PenguinMailsTopology.define();
    private static final Path SAMPLES = FixtureAccess.projectRoot().resolve(QueueFeed.SAMPLES);
    private static LocalStack stack;

    // The probes run each entry point cold in a class loader of their own, so a stack whose functions other
    // classes have warmed measures the same; they pause only the poller of the queue they probe, and resume it.
    @BeforeAll
    static void start(LocalStack shared) {
        stack = shared;
    }

    @Test
    void theApiProbeSignsUpAndTheEmailsProbeSendsThatSignupsEmail() {
        Map<String, String> environment = ColdStartProbe.fetchEnvironment(stack.apiBaseUrl(), "identity");
        FunctionClasspath jars = FunctionClasspath.builtJars(FixtureAccess.projectRoot());
        long jvmBoot = ManagementFactory.getRuntimeMXBean().getUptime();
        stack.pollers().get(0).pause();
        ColdStartReport api;
        ColdStartReport emails;
        try {
            api = ColdStartProbe.measure(ProbeTarget.find(TOPOLOGY, jars, "identity", "api"), TOPOLOGY, environment,
                    stack.apiBaseUrl(), jvmBoot, SAMPLES);
            emails = ColdStartProbe.measure(ProbeTarget.find(TOPOLOGY, jars, "identity", "emails"), TOPOLOGY,
                    environment, stack.apiBaseUrl(), jvmBoot, SAMPLES);
        } finally {
            stack.pollers().get(0).resume();
        }

        assertThat(api.succeeded()).as(api.detail()).isTrue();
        assertThat(api.detail()).startsWith("HTTP 202 for cold-");
        assertThat(api.jvmBootMillis()).isPositive();
        assertThat(api.initMillis()).isPositive();
        assertThat(api.firstInvocationMillis()).isPositive();
        assertThat(api.coldStartMillis()).isEqualTo(jvmBoot + api.initMillis() + api.firstInvocationMillis());
        assertThat(emails.succeeded()).as(emails.detail()).isTrue();
        assertThat(emails.detail()).isEqualTo("0 batchItemFailures of 1 message(s)");
        assertThat(emails.initMillis()).isPositive();

        Matcher email = EMAIL.matcher(api.detail());
        assertThat(email.find()).isTrue();
        assertThat(TestAws.mailbox().awaitMessagesTo(email.group(), 1, Duration.ofSeconds(30))).hasSize(1);
    }

    /**
     * Scheduled jobs and the authorizer answer through the Lambda runtime's serializer too: a return type it
     * cannot write fails the invocation on AWS (and sends a scheduled job's event to the failed-invocations queue).
     * Every family's jobs are run, each with its own function's environment.
     */
    @Test
    void everyScheduledJobAndTheAuthorizerAnswerInAFormTheLambdaRuntimeCanWrite() {
        FunctionClasspath jars = FunctionClasspath.builtJars(FixtureAccess.projectRoot());
        int probed = 0;
        for (FunctionSpec function : TOPOLOGY.functions()) {
            Map<String, String> environment = ColdStartProbe.fetchEnvironment(stack.apiBaseUrl(), function.family());
            List<String> entryPoints = function.entryPoints()
                    .filter(e -> e instanceof ScheduledHandler || e instanceof AuthorizerHandler).map(EntryPoint::name).toList();
            for (String entryPoint : entryPoints) {
                ColdStartReport report = ColdStartProbe.measure(ProbeTarget.find(TOPOLOGY, jars, function.family(), entryPoint),
                        TOPOLOGY, environment, stack.apiBaseUrl(), 1, SAMPLES);
                assertThat(report.succeeded()).as(function.family() + " " + entryPoint + ": " + report.detail()).isTrue();
                probed++;
            }
        }
        assertThat(probed).isGreaterThanOrEqualTo(3);
    }

    /**
     * The consumers whose queues the signup does not reach (identity's, domains' and contacts' plans, domains' sending holds, billing's usage,
     * contacts-query's audiences, sending's enrolments) are probed with the
     * registered sample of an event their rule routes, published to the bus by the probe, and handle it.
     */
    @Test
    void theConsumersTheSignupDoesNotReachHandleThePublishedSampleOfTheirRule() {
        FunctionClasspath jars = FunctionClasspath.builtJars(FixtureAccess.projectRoot());
        for (String[] consumer : List.of(new String[] {"identity", "plans", PenguinMailsTopology.IDENTITY_PLANS},
                new String[] {"domains", "plans", PenguinMailsTopology.DOMAINS_PLANS},
                new String[] {"domains", "sending", PenguinMailsTopology.DOMAINS_SENDING},
                new String[] {"billing", "usage", PenguinMailsTopology.BILLING_USAGE},
                new String[] {"contacts", "unsubscribes", PenguinMailsTopology.CONTACTS_UNSUBSCRIBES},
                new String[] {"contacts", "plans", PenguinMailsTopology.CONTACTS_PLANS},
                new String[] {"sending", "stats", PenguinMailsTopology.SENDING_STATS},
                new String[] {"contacts-query", "audiences", PenguinMailsTopology.CONTACTS_AUDIENCES},
                new String[] {"sending", "enrolments", PenguinMailsTopology.SENDING_ENROLMENTS})) {
            Map<String, String> environment = ColdStartProbe.fetchEnvironment(stack.apiBaseUrl(), consumer[0]);
            QueuePoller poller = stack.pollers().stream().filter(p -> p.settings().name().equals(consumer[2]))
                    .findFirst().orElseThrow();
            poller.pause();
            ColdStartReport report;
            try {
                report = ColdStartProbe.measure(ProbeTarget.find(TOPOLOGY, jars, consumer[0], consumer[1]), TOPOLOGY,
                        environment, stack.apiBaseUrl(), 1, SAMPLES);
            } finally {
                poller.resume();
            }

            assertThat(report.succeeded()).as(consumer[0] + " " + consumer[1] + ": " + report.detail()).isTrue();
            assertThat(report.detail()).isEqualTo("0 batchItemFailures of 1 message(s)");
        }
    }
}
