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
    void authorizedRoutesNeedTheOneAuthorizerOfTheTopology() {
        var open = new FunctionSpec("alpha", 512, 10, Optional.of(HttpApiHandler.micronaut(List.of(HttpRoute.open("GET /v1/a")))),
                List.of(), List.of(), new FunctionSpec.Access(List.of(), List.of(), List.of(), false, false));
        var guarded = new FunctionSpec("bravo", 512, 10, Optional.of(HttpApiHandler.micronaut("GET /v1/b")),
                List.of(), List.of(), new FunctionSpec.Access(List.of(), List.of(), List.of(), false, false));
        AuthorizerHandler authorizer = new AuthorizerHandler("authorizer", "x.Authorizer",
                AuthorizerHandler.AUTHORIZATION_HEADER_SOURCE, 30);
        var gatekeeper = new FunctionSpec("charlie", 512, 10, Optional.empty(), List.of(), List.of(),
                new FunctionSpec.Access(List.of(), List.of(), List.of(), false, false), Optional.of(authorizer));

        assertThat(new Topology("tiny", List.of(), List.of(), List.of(), "bus", List.of(), List.of(open)).authorizer()).isEmpty();
        assertThatThrownBy(() -> new Topology("tiny", List.of(), List.of(), List.of(), "bus", List.of(), List.of(open, guarded)))
                .hasMessageContaining("GET /v1/b");
        Topology topology = new Topology("tiny", List.of(), List.of(), List.of(), "bus", List.of(), List.of(open, guarded, gatekeeper));
        assertThat(topology.authorizer().orElseThrow().function().family()).isEqualTo("charlie");
        assertThat(gatekeeper.entryPoints().toList()).containsExactly(authorizer);
        assertThat(authorizer.identityHeader()).isEqualTo("authorization");
        assertThatThrownBy(() -> new AuthorizerHandler("a", "x", "$request.querystring.k", 30))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthorizerHandler("a", "x", AuthorizerHandler.AUTHORIZATION_HEADER_SOURCE, 3601))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRealTopologyGuardsEveryRouteButTheOnesAnonymousCallersNeed() {
        Topology topology = PenguinMailsTopology.define();
        assertThat(topology.authorizer().orElseThrow().handler().resultTtlSeconds())
                .isEqualTo(PenguinMailsTopology.AUTHORIZER_TTL_SECONDS);
        assertThat(topology.httpRoutes().filter(r -> r.route().isPublic()).map(r -> r.route().path()))
                .containsExactlyInAnyOrder("/v1/signup", "/v1/auth/login", "/v1/auth/refresh", "/v1/auth/verify-email",
                        "/v1/auth/resend-verification", "/v1/auth/password-reset", "/v1/auth/password-reset/confirm",
                        "/v1/me/email-change/confirm", "/v1/invitations/accept",
                        // The price list, and Stripe's webhook, which proves itself by its signature.
                        "/v1/billing/plans", "/v1/billing/stripe/webhook",
                        // The unsubscribe link of every campaign email (page and RFC 8058 POST): its signed token proves it.
                        "/v1/u/{token}", "/v1/u/{token}");
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
        assertThat(ConfigKeys.environmentVariable(ConfigKeys.table("contacts"))).isEqualTo("PENGUINMAILS_TABLES_CONTACTS");
    }

    @Test
    void aFunctionMayOnlyQueryADeclaredDatabaseAndTheRealTopologyDeclaresOne() {
        FunctionSpec query = new FunctionSpec("query", 512, 10, Optional.empty(), List.of(), List.of(),
                new FunctionSpec.Access(List.of(), List.of(), List.of(), false, false).withDatabases("reports"));

        assertThatThrownBy(() -> new Topology("stack", List.of(), List.of(), List.of(), "bus", List.of(), List.of(query)))
                .hasMessageContaining("query queries database").hasMessageContaining("reports");
        Topology real = PenguinMailsTopology.define();
        assertThat(real.database("contacts")).isPresent();
        assertThat(real.functions()).filteredOn(f -> f.access().usesDatabase()).extracting(FunctionSpec::family)
                .containsExactly(PenguinMailsTopology.CONTACTS_QUERY);
    }
}
