package dev.penguinmails.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.local.FixtureAccess;
import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.QueueSpec;
import dev.penguinmails.topology.RuleSpec;
import dev.penguinmails.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which message each queue consumer is probed with, chosen from the topology's rules and the registered samples. */
class QueueFeedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Topology TOPOLOGY = PenguinMailsTopology.define();
    private static final Path SAMPLES = FixtureAccess.projectRoot().resolve(QueueFeed.SAMPLES);

    @TempDir
    Path empty;

    @Test
    void identitysEmailQueueTakesTheSignupsOwnEvent() {
        assertThat(QueueFeed.of(TOPOLOGY, SAMPLES, "identity-emails", JSON)).isEqualTo(new QueueFeed.Signup());
    }

    @Test
    void queuesTheSignupDoesNotReachGetTheSampleOfTheFirstDetailTypeTheirRuleRoutes() {
        assertThat(QueueFeed.of(TOPOLOGY, SAMPLES, PenguinMailsTopology.IDENTITY_PLANS, JSON))
                .isEqualTo(new QueueFeed.Sample("billing.plan.changed", SAMPLES.resolve("billing.plan.changed.json")));
        assertThat(QueueFeed.of(TOPOLOGY, SAMPLES, PenguinMailsTopology.DOMAINS_PLANS, JSON))
                .isEqualTo(new QueueFeed.Sample("billing.plan.changed", SAMPLES.resolve("billing.plan.changed.json")));
        assertThat(QueueFeed.of(TOPOLOGY, SAMPLES, PenguinMailsTopology.CONTACTS_PLANS, JSON))
                .isEqualTo(new QueueFeed.Sample("billing.plan.changed", SAMPLES.resolve("billing.plan.changed.json")));
        assertThat(QueueFeed.of(TOPOLOGY, SAMPLES, PenguinMailsTopology.BILLING_USAGE, JSON))
                .isEqualTo(new QueueFeed.Sample("email.sent", SAMPLES.resolve("email.sent.json")));
    }

    @Test
    void billingsStripeQueueIsFilledByACheckoutAndAQueueNoRuleFeedsByTheCaller() {
        assertThat(QueueFeed.of(TOPOLOGY, SAMPLES, PenguinMailsTopology.BILLING_STRIPE_EVENTS, JSON))
                .isEqualTo(new QueueFeed.StripeCheckout());
        assertThat(QueueFeed.of(FixtureAccess.topology(), SAMPLES, "alpha-work", JSON))
                .isEqualTo(new QueueFeed.AlreadyQueued());
        assertThat(QueueFeed.of(TOPOLOGY, SAMPLES, PenguinMailsTopology.DOMAINS_ONBOARDING, JSON))
                .as("a queue no rule feeds, with a registered sample message")
                .isEqualTo(new QueueFeed.QueueMessage(PenguinMailsTopology.DOMAINS_ONBOARDING, FixtureAccess.projectRoot()
                        .resolve(QueueFeed.MESSAGES).resolve("domains-onboarding.json").toAbsolutePath().normalize()));
        assertThat(QueueFeed.of(TOPOLOGY, SAMPLES, PenguinMailsTopology.CONTACTS_IMPORTS, JSON))
                .as("a queue S3 feeds, with a registered sample message")
                .isEqualTo(new QueueFeed.QueueMessage(PenguinMailsTopology.CONTACTS_IMPORTS, FixtureAccess.projectRoot()
                        .resolve(QueueFeed.MESSAGES).resolve("contacts-imports.json").toAbsolutePath().normalize()));
        assertThat(QueueFeed.of(TOPOLOGY, SAMPLES, PenguinMailsTopology.CONTACTS_EXPORTS, JSON))
                .as("a queue only its own family feeds, with a registered sample message")
                .isEqualTo(new QueueFeed.QueueMessage(PenguinMailsTopology.CONTACTS_EXPORTS, FixtureAccess.projectRoot()
                        .resolve(QueueFeed.MESSAGES).resolve("contacts-exports.json").toAbsolutePath().normalize()));
        assertThat(QueueFeed.of(TOPOLOGY, SAMPLES, PenguinMailsTopology.CONTACTS_BULK, JSON))
                .as("a queue another family feeds, with a registered sample message")
                .isEqualTo(new QueueFeed.QueueMessage(PenguinMailsTopology.CONTACTS_BULK, FixtureAccess.projectRoot()
                        .resolve(QueueFeed.MESSAGES).resolve("contacts-bulk.json").toAbsolutePath().normalize()));
    }

    @Test
    void aSampleIsChosenOnlyWhenTheRuleMatchesItAsTheBusWould() throws Exception {
        // The usage rule routes email.sent from sending only: a sample claiming another source is skipped for the next type.
        Path samples = Files.createDirectories(empty.resolve("samples"));
        Files.writeString(samples.resolve("email.sent.json"), Files.readString(SAMPLES.resolve("email.sent.json"))
                .replace("penguinmails.sending", "penguinmails.elsewhere"));
        Files.copy(SAMPLES.resolve("contact.created.json"), samples.resolve("contact.created.json"));

        assertThat(QueueFeed.of(TOPOLOGY, samples, PenguinMailsTopology.BILLING_USAGE, JSON))
                .isEqualTo(new QueueFeed.Sample("contact.created", samples.resolve("contact.created.json")));
    }

    @Test
    void aRuleWithoutARegisteredSampleIsAUsageErrorNamingTheQueueAndRule() {
        Topology topology = withRule(new RuleSpec("audit", """
                {"source":["penguinmails.nowhere"],"detail-type":["nothing.happened"]}""", List.of("audit")));

        assertThatThrownBy(() -> QueueFeed.of(topology, SAMPLES, "audit", JSON))
                .isInstanceOfSatisfying(ProbeException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("routes to audit").hasMessageContaining("[audit]");
    }

    @Test
    void aNewQueueFedWithIdentitysEventsIsProbedWithTheSignup() {
        Topology topology = withRule(new RuleSpec("audit", """
                {"source":["penguinmails.identity"],"detail-type":["account.signed_up"]}""", List.of("audit")));

        assertThat(QueueFeed.of(topology, SAMPLES, "audit", JSON)).isEqualTo(new QueueFeed.Signup());
        assertThat(new QueueFeed.Signup().label()).isEqualTo("signup");
        assertThat(new QueueFeed.Sample("email.sent", SAMPLES).label()).isEqualTo("sample:email.sent");
    }

    @Test
    void aPublishedSampleGetsAFreshEventIdOfTheEnvelopesForm() {
        String first = ProbeEvents.newEventId();

        assertThat(first).matches("^evt_[0-9A-HJKMNP-TV-Z]{26}$");
        assertThat(ProbeEvents.newEventId()).isNotEqualTo(first);
    }

    private static Topology withRule(RuleSpec rule) {
        Topology base = FixtureAccess.topology();
        return new Topology(base.name(), base.tables(), base.buckets(),
                Stream.concat(base.queues().stream(), Stream.of(new QueueSpec("audit", 18, 2, 3600))).toList(),
                base.eventBus(), List.of(rule), base.functions());
    }
}
