package dev.penguinmails.domains.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.domains.Caller;
import dev.penguinmails.domains.mailboxes.MailboxesApiTest;
import dev.penguinmails.events.billing.PlanLimits;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The mailboxes of a workspace's plan: the free plan's one by default, and the limits of billing's
 * {@code billing.plan.changed} published on the bus and delivered through the {@code domains-plans} queue to the
 * real consumer. Refusals are {@code 409 plan-limit} and change nothing.
 */
@MicronautTest
@Tag("integration")
class MailboxPlanLimitTest extends MailboxesApiTest {
    private static final PlanLimits FREE = new PlanLimits(1, 500, 1_000, 1, 1);
    private static final PlanLimits STARTER = new PlanLimits(3, 5_000, 10_000, 1, 2);

    @Test
    void aFreeWorkspaceConnectsOneMailboxAndARefusedSecondLeavesNothing() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        assertThat(add(owner, ws, "acme.com").status()).isEqualTo(201);
        String first = user("ana", "acme.com");
        String firstId = connect(ws, first);
        var before = snapshot();

        Reply refused = http.post(mailboxes(ws), smtpBody(user("bo", "acme.com"), PASSWORD), owner.headers());

        assertPlanLimit(refused, "free");
        assertThat(refused.json().get("detail").asText()).contains("The free plan allows 1 mailboxes; 1 in use");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(published("mailbox.connected", ws)).hasSize(1);

        // Removing the mailbox frees its place; connecting its address again counts it once.
        assertThat(http.delete(mailboxes(ws) + "/" + firstId, owner.headers()).status()).isEqualTo(204);
        assertThat(connect(ws, first)).isEqualTo(firstId);
        assertPlanLimit(http.post(mailboxes(ws), smtpBody(user("cy", "acme.com"), PASSWORD), owner.headers()), "free");
    }

    @Test
    void anUpgradeOpensPlacesALateOlderPlanChangesNothingAndADowngradeRemovesNothing() {
        String ws = workspace();
        String neighbour = workspace();
        Caller owner = Caller.owner(ws);
        assertThat(add(owner, ws, "acme.com").status()).isEqualTo(201);
        assertThat(add(Caller.owner(neighbour), neighbour, "acme.com").status()).isEqualTo(201);

        plan(ws, "starter", STARTER, 2);
        plan(ws, "free", FREE, 1);

        for (String local : new String[] {"ana", "bo", "cy"}) {
            connect(ws, user(local, "acme.com"));
        }
        Reply fourth = http.post(mailboxes(ws), smtpBody(user("di", "acme.com"), PASSWORD), owner.headers());
        assertPlanLimit(fourth, "starter");
        assertThat(fourth.json().get("detail").asText()).contains("allows 3 mailboxes; 3 in use");

        // Another workspace is still on the free plan's defaults.
        assertThat(http.post(mailboxes(neighbour), smtpBody(user("ed", "acme.com"), PASSWORD),
                Caller.owner(neighbour).headers()).status()).isEqualTo(201);
        assertPlanLimit(http.post(mailboxes(neighbour), smtpBody(user("fay", "acme.com"), PASSWORD),
                Caller.owner(neighbour).headers()), "free");

        plan(ws, "free", FREE, 3);
        JsonNode list = http.get(mailboxes(ws), owner.headers()).json();
        assertThat(list.get("items")).as("a downgrade removes nothing").hasSize(3);
        Reply afterDowngrade = http.post(mailboxes(ws), smtpBody(user("gil", "acme.com"), PASSWORD), owner.headers());
        assertPlanLimit(afterDowngrade, "free");
        assertThat(afterDowngrade.json().get("detail").asText()).contains("allows 1 mailboxes; 3 in use");
    }

    private static void assertPlanLimit(Reply reply, String planId) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(409);
        assertThat(reply.problemSlug()).isEqualTo("plan-limit");
        assertThat(reply.json().at("/errors/0/field").asText()).isEqualTo("mailboxes");
        assertThat(reply.json().get("detail").asText()).contains("The " + planId + " plan allows");
    }
}
