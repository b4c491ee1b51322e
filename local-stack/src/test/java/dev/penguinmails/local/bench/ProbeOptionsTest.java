package dev.penguinmails.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.local.FixtureAccess;
import dev.penguinmails.local.FunctionClasspath;
import dev.penguinmails.topology.HttpApiHandler;
import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.QueueHandler;
import dev.penguinmails.topology.ScheduledHandler;
import dev.penguinmails.topology.Topology;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe's command line, and how it finds an entry point and its jar in the topology. */
class ProbeOptionsTest {
    private static final Topology TOPOLOGY = PenguinMailsTopology.define();

    @TempDir
    Path root;

    @Test
    void readsTheOptionsWithTheWorkingDirectoryAsDefaultProjectRoot() {
        ProbeOptions options = ProbeOptions.parse(List.of("--api", "http://127.0.0.1:18080/", "--function", "identity",
                "--entry-point", "emails"), root);

        assertThat(options.api()).isEqualTo(URI.create("http://127.0.0.1:18080"));
        assertThat(options.family()).isEqualTo("identity");
        assertThat(options.entryPoint()).isEqualTo("emails");
        assertThat(options.projectRoot()).isEqualTo(root.toAbsolutePath());
    }

    @Test
    void aRelativeProjectRootIsResolvedAgainstTheWorkingDirectory() {
        ProbeOptions options = ProbeOptions.parse(List.of("--api", "http://127.0.0.1:18080", "--function", "identity",
                "--entry-point", "api", "--project-root", "sub/.."), root);

        assertThat(options.projectRoot()).isEqualTo(root.toAbsolutePath().normalize());
    }

    @Test
    void missingUnknownAndMalformedOptionsAreUsageErrors() {
        assertUsage(List.of("--api", "http://127.0.0.1:18080", "--function", "identity"), "--entry-point");
        assertUsage(List.of("--api", "http://127.0.0.1:18080", "--function", "identity", "--entry-point", "api",
                "--verbose"), "Unknown option --verbose");
        assertUsage(List.of("--api", "127.0.0.1:18080", "--function", "identity", "--entry-point", "api"),
                "--api needs a URL");
        assertUsage(List.of("--api", "http://127.0.0.1:18080", "--function", "--entry-point", "api"),
                "Option --function needs a value");
    }

    @Test
    void findsEachEntryPointWithItsHandlerAndTheFamilysBuiltJar() throws Exception {
        Path jar = root.resolve("functions/identity/target/identity-lambda.jar");
        Files.createDirectories(jar.getParent());
        Files.createFile(jar);
        FunctionClasspath built = FunctionClasspath.builtJars(root);

        ProbeTarget api = ProbeTarget.find(TOPOLOGY, built, "identity", "api");
        ProbeTarget emails = ProbeTarget.find(TOPOLOGY, built, "identity", "emails");
        ProbeTarget purge = ProbeTarget.find(TOPOLOGY, built, "identity", "purge-workspaces");

        assertThat(api.entryPoint()).isInstanceOf(HttpApiHandler.class);
        assertThat(api.entryPoint().handlerClass()).isEqualTo(HttpApiHandler.MICRONAUT_HANDLER);
        assertThat(api.classpath()).containsExactly(jar);
        assertThat(emails.entryPoint()).isInstanceOfSatisfying(QueueHandler.class, q -> {
            assertThat(q.queue()).isEqualTo("identity-emails");
            assertThat(q.handlerClass()).isEqualTo("dev.penguinmails.identity.emails.AccountEmailConsumer");
        });
        assertThat(purge.entryPoint()).isInstanceOf(ScheduledHandler.class);
        assertThat(purge.functionName("penguinmails-local-")).isEqualTo("penguinmails-local-identity-purge-workspaces");
    }

    @Test
    void anUnknownFamilyOrEntryPointOrAMissingJarIsAUsageErrorNamingWhatExists() {
        FunctionClasspath built = FunctionClasspath.builtJars(root);

        assertThatThrownBy(() -> ProbeTarget.find(TOPOLOGY, built, "campaigns", "api"))
                .isInstanceOfSatisfying(ProbeException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("no function campaigns").hasMessageContaining("identity")
                .hasMessageContaining("billing");
        assertThatThrownBy(() -> ProbeTarget.find(TOPOLOGY, built, "identity", "tick"))
                .isInstanceOfSatisfying(ProbeException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("api, authorizer, emails, plans, purge-workspaces, relay-events");
        assertThatThrownBy(() -> ProbeTarget.find(TOPOLOGY, built, "identity", "api"))
                .isInstanceOfSatisfying(ProbeException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("identity-lambda.jar").hasMessageContaining("does not exist");
    }

    @Test
    void anUnreachableStackIsExitCode2WithNothingOnStdout() throws Exception {
        Path jar = root.resolve("functions/identity/target/identity-lambda.jar");
        Files.createDirectories(jar.getParent());
        Files.createFile(jar);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();

        int exitCode = ColdStartProbe.run(List.of("--api", "http://127.0.0.1:" + port, "--function", "identity",
                "--entry-point", "api", "--project-root", root.toString()), 100, new PrintStream(stdout, true));

        assertThat(exitCode).isEqualTo(2);
        assertThat(stdout.size()).isZero();
    }

    @Test
    void listPrintsEveryEntryPointHttpApiFirstThenTheAuthorizerThenQueuesWithTheirFeedThenSchedules() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();

        int exitCode = ColdStartProbe.run(List.of("--list", "--project-root", FixtureAccess.projectRoot().toString()), 0,
                new PrintStream(stdout, true));

        assertThat(exitCode).isZero();
        assertThat(stdout.toString().lines()).containsExactly(
                "identity\tapi\thttp\t1024\t-\tsignup",
                "identity\tauthorizer\tauthorizer\t1024\t-\t-",
                "identity\temails\tqueue\t1024\tidentity-emails\tsignup",
                "identity\tplans\tqueue\t1024\tidentity-plans\tsample:billing.plan.changed",
                "identity\tpurge-workspaces\tschedule\t1024\t-\t-",
                "identity\trelay-events\tschedule\t1024\t-\t-",
                "billing\tapi\thttp\t1024\t-\tpublic",
                "billing\tstripe-events\tqueue\t1024\tbilling-stripe-events\tstripe-checkout",
                "billing\tusage\tqueue\t1024\tbilling-usage\tsample:email.sent",
                "billing\tsync-catalog\tschedule\t1024\t-\t-",
                "billing\treplay-stripe-events\tschedule\t1024\t-\t-",
                "billing\tdunning\tschedule\t1024\t-\t-",
                "billing\trelay-events\tschedule\t1024\t-\t-",
                "domains\tapi\thttp\t1024\t-\tauthenticated:/v1/workspaces/{workspaceId}/domains",
                "domains\tplans\tqueue\t1024\tdomains-plans\tsample:billing.plan.changed",
                "domains\tsending\tqueue\t1024\tdomains-sending\tsample:mailbox.sending_held",
                "domains\tonboarding\tqueue\t1024\tdomains-onboarding\tmessage:domains-onboarding",
                "domains\treverify-domains\tschedule\t1024\t-\t-",
                "domains\trelay-events\tschedule\t1024\t-\t-",
                "contacts\tapi\thttp\t1024\t-\tauthenticated:/v1/workspaces/{workspaceId}/contacts",
                "contacts\timports\tqueue\t1024\tcontacts-imports\tmessage:contacts-imports",
                "contacts\tbulk\tqueue\t1024\tcontacts-bulk\tmessage:contacts-bulk",
                "contacts\tunsubscribes\tqueue\t1024\tcontacts-unsubscribes\tsample:email.unsubscribed",
                "contacts\tplans\tqueue\t1024\tcontacts-plans\tsample:billing.plan.changed",
                "contacts\trelay-events\tschedule\t1024\t-\t-",
                "contacts-query\tapi\thttp\t1024\t-\tauthenticated:/v1/workspaces/{workspaceId}/lists",
                "contacts-query\tprojection\tqueue\t1024\tcontacts-projection\tsample:contact.created",
                "contacts-query\texports\tqueue\t1024\tcontacts-exports\tmessage:contacts-exports",
                "contacts-query\taudiences\tqueue\t1024\tcontacts-audiences\tsample:campaign.launched",
                "contacts-query\treconcile\tschedule\t1024\t-\t-",
                "sending\tapi\thttp\t1024\t-\tauthenticated:/v1/workspaces/{workspaceId}/campaigns",
                "sending\tcopies\tqueue\t1024\tsending-copies\tsample:mailbox.connected",
                "sending\tstats\tqueue\t1024\tsending-stats\tsample:email.sent",
                "sending\tenrolments\tqueue\t1024\tsending-enrolments\tsample:campaign.audience.chunk",
                "sending\tsends\tqueue\t1024\tsending-sends\tmessage:sending-sends",
                "sending\tschedule-sends\tschedule\t1024\t-\t-",
                "sending\trelay-events\tschedule\t1024\t-\t-");
    }

    private void assertUsage(List<String> args, String message) {
        assertThatThrownBy(() -> ProbeOptions.parse(args, root))
                .isInstanceOfSatisfying(ProbeException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining(message);
    }
}
