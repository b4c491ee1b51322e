package dev.penguinmails.contacts.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.contacts.Caller;
import dev.penguinmails.contacts.ContactsApiTest;
import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The suppression list through the real handler: entries, the check, events, platform entries and tenancy. */
@MicronautTest
@Tag("integration")
class SuppressionApiTest extends ContactsApiTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("penguinmails.suppression.platform-emails", "Trap@Spam-Trap.example",
                "penguinmails.suppression.platform-domains", "Blocked.Example");
    }

    private Reply suppress(Caller caller, String ws, String json) {
        return http.post(suppressions(ws), json, caller.headers());
    }

    private JsonNode check(Caller caller, String ws, String email) {
        Reply reply = http.post(suppressions(ws) + "/check", "{\"email\":\"" + email + "\"}", caller.headers());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void anAddressIsSuppressedByItsHashWhateverItsCaseAndAnnounced() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);

        Reply added = suppress(owner, ws, "{\"email\":\" Ana@Example.COM \",\"reason\":\"unsubscribed\"}");

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String hash = EmailHashes.of(ws, "ana@example.com");
        assertThat(added.json().get("id").asText()).isEqualTo("eml_" + hash);
        assertThat(added.json().get("email").asText()).isEqualTo("Ana@example.com");
        assertThat(added.json().get("reason").asText()).isEqualTo("unsubscribed");
        assertThat(added.header("Location").orElseThrow()).isEqualTo(suppressions(ws) + "/eml_" + hash);
        assertThat(check(owner, ws, "ANA@example.com").get("suppressed").asBoolean()).isTrue();
        assertThat(check(owner, ws, "bia@example.com").get("suppressed").asBoolean()).isFalse();
        assertThat(context.getBean(SuppressionCheck.class).isSuppressed(TenantContext.system(ws, "test"), "ana@EXAMPLE.com"))
                .isTrue();
        assertThat(published("suppression.added", ws)).singleElement().satisfies(e -> assertThat(e.detail())
                .contains("\"emailHash\":\"" + hash + "\"").contains("\"kind\":\"email\"").contains("\"version\":1"));

        var before = snapshot();
        Reply again = suppress(owner, ws, "{\"email\":\"ana@example.com\",\"reason\":\"complaint\"}");
        assertThat(again.status()).as("suppressed already: the entry as it is").isEqualTo(200);
        assertThat(again.json().get("reason").asText()).isEqualTo("unsubscribed");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aDomainCoversItsSubdomainsButNotItsNeighbours() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        Reply added = suppress(owner, ws, "{\"domain\":\"Acme.COM.\",\"reason\":\"manual\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("id").asText()).isEqualTo("dom_acme.com");

        JsonNode sub = check(owner, ws, "ana@mail.eu.acme.com");
        assertThat(sub.get("suppressed").asBoolean()).isTrue();
        assertThat(sub.at("/matches/0/scope").asText()).isEqualTo("workspace");
        assertThat(sub.at("/matches/0/domain").asText()).isEqualTo("acme.com");
        assertThat(sub.at("/matches/0/suppressionId").asText()).isEqualTo("dom_acme.com");
        assertThat(check(owner, ws, "ana@acme.com").get("suppressed").asBoolean()).isTrue();
        assertThat(check(owner, ws, "ana@notacme.com").get("suppressed").asBoolean()).isFalse();
        assertThat(check(owner, ws, "ana@acme.com.br").get("suppressed").asBoolean()).isFalse();
        Reply bucher = suppress(owner, ws, "{\"domain\":\"bücher.de\",\"reason\":\"manual\"}");
        assertThat(bucher.json().get("domain").asText()).isEqualTo("xn--bcher-kva.de");
        assertThat(check(owner, ws, "ana@Bücher.de").get("suppressed").asBoolean()).isTrue();
    }

    @Test
    void platformEntriesApplyToEveryWorkspaceAndAreNotListed() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);

        JsonNode trap = check(owner, ws, "trap@spam-trap.example");
        assertThat(trap.get("suppressed").asBoolean()).isTrue();
        assertThat(trap.at("/matches/0/scope").asText()).isEqualTo("platform");
        assertThat(trap.at("/matches/0/kind").asText()).isEqualTo("email");
        assertThat(check(owner, ws, "x@mail.blocked.example").at("/matches/0/domain").asText()).isEqualTo("blocked.example");
        assertThat(check(owner, ws, "other@spam-trap.example").get("suppressed").asBoolean()).isFalse();
        assertThat(http.get(suppressions(ws), owner.headers()).json().get("items")).isEmpty();
    }

    @Test
    void aRemovedEntryStopsSuppressingIsAnnouncedAndKeepsItsVersionsWhenAddedAgain() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String id = suppress(owner, ws, "{\"email\":\"ana@example.com\",\"reason\":\"hard-bounce\"}").json().get("id").asText();

        assertThat(http.delete(suppressions(ws) + "/" + id, owner.headers()).status()).isEqualTo(204);

        assertThat(check(owner, ws, "ana@example.com").get("suppressed").asBoolean()).isFalse();
        assertThat(http.get(suppressions(ws), owner.headers()).json().get("items")).isEmpty();
        assertThat(http.delete(suppressions(ws) + "/" + id, owner.headers()).status()).isEqualTo(404);
        assertThat(snapshot().stream().filter(i -> i.get("pk").s().startsWith("WS#" + ws + "#")).toList().toString())
                .as("the tombstone keeps no address").doesNotContain("ana@example.com");
        assertThat(published("suppression.removed", ws)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains(id).contains("\"version\":2"));

        assertThat(suppress(owner, ws, "{\"email\":\"ana@example.com\",\"reason\":\"manual\"}").status()).isEqualTo(201);
        assertThat(published("suppression.added", ws)).hasSize(2)
                .anySatisfy(e -> assertThat(e.detail()).contains("\"version\":3").contains("\"reason\":\"manual\""));
        assertThat(check(owner, ws, "ana@example.com").get("suppressed").asBoolean()).isTrue();
    }

    @Test
    void badEntriesAreProblemsAndWriteNothing() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        var before = snapshot();
        for (String body : List.of("{\"reason\":\"manual\"}", "{\"email\":\"a@b.com\",\"domain\":\"b.com\",\"reason\":\"manual\"}",
                "{\"email\":\"not an address\",\"reason\":\"manual\"}", "{\"domain\":\"co.uk\",\"reason\":\"manual\"}",
                "{\"domain\":\"localhost\",\"reason\":\"manual\"}", "{\"email\":\"a@b.com\",\"reason\":\"because\"}",
                "{\"email\":\"a@b.com\"}", "{\"email\":[\"a@b.com\"],\"reason\":\"manual\"}")) {
            Reply refused = suppress(owner, ws, body);
            assertThat(refused.status()).as(body + " -> " + refused.body()).isEqualTo(400);
            assertThat(refused.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        assertThat(http.post(suppressions(ws) + "/check", "{\"email\":\"nope\"}", owner.headers()).status()).isEqualTo(400);
        assertThat(http.delete(suppressions(ws) + "/eml_nothing", owner.headers()).status()).isEqualTo(404);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(published("suppression.added", ws)).isEmpty();
    }

    @Test
    void everyRouteKeepsToItsWorkspaceAndViewersOnlyRead() {
        String ws = workspace();
        String other = workspace();
        Caller owner = Caller.owner(ws);
        String id = suppress(owner, ws, "{\"email\":\"ana@example.com\",\"reason\":\"manual\"}").json().get("id").asText();
        suppress(owner, ws, "{\"domain\":\"acme.com\",\"reason\":\"manual\"}");
        Caller stranger = Caller.owner(other);
        var before = snapshot();

        assertThat(check(stranger, other, "ana@example.com").get("suppressed").asBoolean()).isFalse();
        assertThat(check(stranger, other, "ana@acme.com").get("suppressed").asBoolean()).isFalse();
        assertThat(http.get(suppressions(other), stranger.headers()).json().get("items")).isEmpty();
        assertThat(http.delete(suppressions(other) + "/" + id, stranger.headers()).status()).isEqualTo(404);
        assertThat(http.delete(suppressions(other) + "/dom_acme.com", stranger.headers()).status()).isEqualTo(404);
        assertThat(http.get(suppressions(ws), stranger.headers()).status()).isEqualTo(404);
        assertThat(http.post(suppressions(ws) + "/check", "{\"email\":\"ana@example.com\"}", stranger.headers()).status())
                .isEqualTo(404);
        assertThat(http.delete(suppressions(ws) + "/" + id, stranger.headers()).status()).isEqualTo(404);
        assertThat(suppress(stranger, ws, "{\"domain\":\"x.com\",\"reason\":\"manual\"}").status()).isEqualTo(404);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(context.getBean(SuppressionCheck.class).isSuppressed(TenantContext.system(other, "test"), "ana@example.com"))
                .isFalse();

        Caller viewer = Caller.of(ws, Role.VIEWER);
        assertThat(http.get(suppressions(ws), viewer.headers()).json().get("items")).hasSize(2);
        assertThat(check(viewer, ws, "ana@example.com").get("suppressed").asBoolean()).isTrue();
        assertThat(suppress(viewer, ws, "{\"domain\":\"x.com\",\"reason\":\"manual\"}").status()).isEqualTo(403);
        assertThat(http.delete(suppressions(ws) + "/" + id, viewer.headers()).status()).isEqualTo(403);
    }
}
