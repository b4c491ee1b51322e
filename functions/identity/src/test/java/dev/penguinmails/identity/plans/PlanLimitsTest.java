package dev.penguinmails.identity.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.billing.BillingEvents;
import dev.penguinmails.events.billing.PlanChanged;
import dev.penguinmails.events.billing.PlanLimits;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.identity.accounts.IdentityApiTest;
import dev.penguinmails.identity.workspaces.IdentityFixtures;
import dev.penguinmails.identity.workspaces.IdentityFixtures.Person;
import dev.penguinmails.shared.plans.PlanCopy;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Seats and workspaces-per-account, with the free plan's defaults (1 and 1) and billing's
 * {@code billing.plan.changed} published on the bus and delivered through the {@code identity-plans} queue
 * to the real consumer: refusals are {@code 409 plan-limit} and change nothing.
 */
@MicronautTest
@Tag("integration")
class PlanLimitsTest extends IdentityApiTest {
    private static final Pattern LINK = Pattern.compile("/accept-invitation#token=(\\S+)");
    private static final PlanLimits FREE = new PlanLimits(1, 500, 1_000, 1, 1);
    private static final PlanLimits STARTER = new PlanLimits(3, 5_000, 10_000, 1, 2);
    private static final PlanLimits GROWTH = new PlanLimits(15, 50_000, 100_000, 3, 10);

    IdentityFixtures fixtures;
    Person owner;
    String ws;

    @Override
    protected Map<String, String> extraProperties() {
        // The shipped defaults (the free plan), over the base's roomy test limits.
        return Map.of("penguinmails.identity.plan-limits.default-seats", "1",
                "penguinmails.identity.plan-limits.default-workspaces-per-account", "1");
    }

    @BeforeEach
    void setUp() {
        fixtures = new IdentityFixtures(context);
        owner = fixtures.person("Olivia Owner");
        ws = fixtures.workspace(owner, "Acme Sales");
    }

    @Test
    void aFreeWorkspaceHasOnlyItsOwnersSeatAndARefusedInvitationLeavesNothing() {
        Reply refused = invite("first.hire@example.com");

        assertPlanLimit(refused, "seats", "free");
        assertThat(refused.json().get("detail").asText()).contains("The free plan allows 1 seats; 1 in use");
        assertThat(api.get("/v1/workspaces/" + ws + "/invitations", owner.token()).json().get("items")).isEmpty();
        deliverEmails();
        assertThat(mailTo("first.hire@example.com")).isEmpty();
    }

    @Test
    void anUpgradeOpensSeatsAndPendingInvitationsHoldThemUntilRevoked() {
        plan(ws, "starter", STARTER, 1);

        Reply first = invite("ann@example.com");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        // Owner plus one pending invitation fill starter's two seats.
        assertPlanLimit(invite("ben@example.com"), "seats", "starter");

        String invitationId = first.json().get("id").asText();
        Reply revoked = api.delete("/v1/workspaces/" + ws + "/invitations/" + invitationId, owner.token());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(invite("ben@example.com").status()).isEqualTo(201);
    }

    @Test
    void aLateOrRepeatedPlanEventNeverPutsAnOlderPlanBack() {
        plan(ws, "growth", GROWTH, 3);
        plan(ws, "starter", STARTER, 2);
        plan(ws, "free", FREE, 1);

        PlanCopy held = context.getBean(PlanLimitCheck.class).planOf(ws);
        assertThat(held).isEqualTo(new PlanCopy("growth", 15, 50_000, 100_000, 3, 10, 3));

        plan(ws, "starter", STARTER, 4);
        assertThat(context.getBean(PlanLimitCheck.class).planOf(ws).planId()).isEqualTo("starter");
    }

    @Test
    void aPersonOwnsOneWorkspaceOnFreeAndAsManyAsTheBestOfTheirPlansAllows() {
        assertPlanLimit(createWorkspace("Second"), "workspaces_per_account", "free");

        plan(ws, "growth", GROWTH, 1);
        Reply second = createWorkspace("Client A");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(createWorkspace("Client B").status()).isEqualTo(201);
        assertPlanLimit(createWorkspace("Client C"), "workspaces_per_account", "growth");

        // A deleted workspace frees its slot; restoring it needs the slot back.
        String clientA = second.json().get("id").asText();
        assertThat(api.delete("/v1/workspaces/" + clientA, owner.token()).status()).isEqualTo(200);
        assertThat(createWorkspace("Client C").status()).isEqualTo(201);
        assertPlanLimit(api.post("/v1/workspaces/" + clientA + "/restore", null, owner.token()),
                "workspaces_per_account", "growth");
        assertThat(api.get("/v1/workspaces/" + clientA, owner.token()).status()).isEqualTo(404);
    }

    @Test
    void joiningIsRefusedWhenADowngradeFilledTheSeatsAndTheLinkWorksOnceASeatIsFree() {
        plan(ws, "starter", STARTER, 1);
        String email = newAddress("late.joiner");
        assertThat(invite(email).status()).isEqualTo(201);
        String token = emailedToken(email);
        // A second owner joins directly, then the workspace drops back to one seat.
        Person coOwner = fixtures.person("Carl Coowner");
        fixtures.member(ws, coOwner, dev.penguinmails.shared.auth.Role.ADMIN);
        plan(ws, "free", FREE, 2);

        String accept = "{\"token\":\"" + token + "\",\"name\":\"Lena Late\",\"password\":\"" + STRONG_PASSWORD + "\"}";
        assertPlanLimit(api.post("/v1/invitations/accept", accept), "seats", "free");
        assertThat(api.get("/v1/workspaces/" + ws + "/members", owner.token()).json().get("items")).hasSize(2);

        plan(ws, "growth", GROWTH, 3);
        Reply joined = api.post("/v1/invitations/accept", accept);
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        assertThat(api.get("/v1/workspaces/" + ws + "/members", owner.token()).json().get("items")).hasSize(3);
    }

    private Reply invite(String email) {
        return api.post("/v1/workspaces/" + ws + "/invitations", "{\"email\":\"" + email + "\",\"role\":\"member\"}",
                owner.token());
    }

    private Reply createWorkspace(String name) {
        return api.post("/v1/workspaces", "{\"name\":\"" + name + "\"}", owner.token());
    }

    /** Publishes billing's event on the bus and lets the real consumer take it off the {@code identity-plans} queue. */
    private void plan(String workspaceId, String planId, PlanLimits limits, long version) {
        context.getBean(EventPublisher.class).publish(DomainEvent.create(BillingEvents.PLAN_CHANGED, workspaceId,
                new PlanChanged(planId, null, "monthly", "active", limits, null, null, version)));
        deliver("identity-plans", new PlanLimitsConsumer(context));
    }

    private String emailedToken(String email) {
        deliverEmails();
        Matcher link = LINK.matcher(awaitMail(email, 1).get(0).text());
        assertThat(link.find()).isTrue();
        return URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
    }

    private static void assertPlanLimit(Reply reply, String limit, String planId) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(409);
        JsonNode problem = reply.json();
        assertThat(problem.get("type").asText()).isEqualTo("https://penguinmails.dev/problems/plan-limit");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(limit);
        assertThat(problem.get("detail").asText()).contains("The " + planId + " plan allows");
    }
}
