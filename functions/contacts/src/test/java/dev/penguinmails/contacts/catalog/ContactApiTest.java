package dev.penguinmails.contacts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.contacts.Caller;
import dev.penguinmails.contacts.ContactsApiTest;
import dev.penguinmails.emulators.PublishedEvent;
import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Contacts through the real handler: normalisation, uniqueness, changes, deletion, events, roles and tenancy. */
@MicronautTest
@Tag("integration")
class ContactApiTest extends ContactsApiTest {

    @Test
    void aNewContactIsNormalisedStoredAndAnnounced() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        assertThat(declare(owner, ws, "seats", "number").status()).isEqualTo(201);
        assertThat(declare(owner, ws, "renews_on", "date").status()).isEqualTo(201);

        Reply created = create(owner, ws, """
                {"email":" Ana.Souza@Bücher.DE ","firstName":" Ana ","lastName":"Souza","company":"Acme",
                 "phone":"(415) 555-2671","timezone":"europe/lisbon","tags":["Lead"," LEAD ","Q4"],
                 "customFields":{"seats":12.50,"renews_on":"2027-01-31"},"source":"manual"}""");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asText();
        assertThat(id).startsWith("con_");
        assertThat(created.header("Location").orElseThrow()).isEqualTo(contacts(ws) + "/" + id);
        assertThat(body.get("email").asText()).isEqualTo("Ana.Souza@xn--bcher-kva.de");
        assertThat(body.get("firstName").asText()).isEqualTo("Ana");
        assertThat(body.get("phone").asText()).isEqualTo("+14155552671");
        assertThat(body.get("timezone").asText()).isEqualTo("Europe/Lisbon");
        assertThat(body.get("tags")).extracting(JsonNode::asText).containsExactly("lead", "q4");
        assertThat(body.at("/customFields/seats").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(body.at("/customFields/renews_on").asText()).isEqualTo("2027-01-31");
        assertThat(body.get("status").asText()).isEqualTo("active");
        assertThat(body.get("source").asText()).isEqualTo("manual");
        assertThat(body.get("version").asLong()).isEqualTo(1);

        Reply read = http.get(contacts(ws) + "/" + id, owner.headers());
        assertThat(read.json()).isEqualTo(body);
        List<PublishedEvent> events = published("contact.created", ws);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).detail()).contains("\"contactId\":\"" + id + "\"")
                .contains("\"emailHash\":\"" + EmailHashes.of(ws, "ana.souza@xn--bcher-kva.de") + "\"")
                .contains("{\"name\":\"seats\",\"type\":\"number\",\"value\":\"12.5\"}");
    }

    @Test
    void anAddressDiffersOnlyByCaseOrSpacesIsTheSameContactAndTheConflictNamesIt() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String id = create(owner, ws, "{\"email\":\"ana@example.com\"}").json().get("id").asText();
        var before = snapshot();

        for (String variant : List.of("Ana@Example.COM ", "ANA@EXAMPLE.COM.", "\\tana@example.com")) {
            Reply again = create(owner, ws, "{\"email\":\"" + variant + "\",\"firstName\":\"Other\"}");
            assertThat(again.status()).as(variant + ": " + again.body()).isEqualTo(409);
            assertThat(again.problemSlug()).isEqualTo("contact-exists");
            assertThat(again.json().get("detail").asText()).contains(id);
            assertThat(again.header("Location").orElseThrow()).isEqualTo(contacts(ws) + "/" + id);
        }
        assertThat(snapshot()).isEqualTo(before);
        assertThat(published("contact.created", ws)).hasSize(1);
        // Dots and plus-tags make other addresses, and another workspace may hold the same one.
        assertThat(create(owner, ws, "{\"email\":\"a.na@example.com\"}").status()).isEqualTo(201);
        assertThat(create(owner, ws, "{\"email\":\"ana+q4@example.com\"}").status()).isEqualTo(201);
        String other = workspace();
        assertThat(create(Caller.owner(other), other, "{\"email\":\"ana@example.com\"}").status()).isEqualTo(201);
    }

    @Test
    void aRetriedCreateWithItsIdempotencyKeyAnswersTheSameContactOnce() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String[] headers = owner.headers("Idempotency-Key", "create-ana-1");

        Reply first = http.post(contacts(ws), "{\"email\":\"ana@example.com\"}", headers);
        Reply retry = http.post(contacts(ws), "{\"email\":\"ana@example.com\"}", headers);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(published("contact.created", ws)).hasSize(1);
        assertThat(http.get(contacts(ws), owner.headers()).json().get("items")).hasSize(1);
    }

    @Test
    void aClaimLeftByACrashedCreateIsTakenOverButOneStillUnderWayIsNot() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        // What a create leaves when it dies between writing the claim and the contact.
        claim(ws, "old@example.com", "con_01KBFY3B5C7D9E1F3G5H7J9K1M", Instant.now().minusSeconds(600));
        claim(ws, "young@example.com", "con_01KBFY3B5C7D9E1F3G5H7J9K1N", Instant.now());

        Reply taken = create(owner, ws, "{\"email\":\"OLD@example.com\"}");
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        assertThat(create(owner, ws, "{\"email\":\"old@example.com\"}").json().get("detail").asText())
                .contains(taken.json().get("id").asText());
        Reply underWay = create(owner, ws, "{\"email\":\"young@example.com\"}");
        assertThat(underWay.status()).isEqualTo(409);
        assertThat(underWay.json().get("detail").asText()).contains("con_01KBFY3B5C7D9E1F3G5H7J9K1N");
    }

    private void claim(String ws, String address, String contactId, Instant at) {
        dynamo().putItem(r -> r.tableName(table()).item(Map.of(
                "pk", AttributeValue.fromS("WS#" + ws + "#CONTACT-EMAILS"),
                "sk", AttributeValue.fromS(EmailHashes.of(ws, address)),
                "contactId", AttributeValue.fromS(contactId), "claimedAt", AttributeValue.fromS(at.toString()))));
    }

    @Test
    void badInputIsAProblemListingEveryFieldAndWritesNothing() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        declare(owner, ws, "seats", "number");
        var before = snapshot();

        Reply bad = create(owner, ws, """
                {"email":"ana@@example","phone":"12","timezone":"PST","tags":["<b>"],
                 "customFields":{"seats":"twelve","nope":1},"status":"gone","source":"Bad Source"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(bad.problemSlug()).isEqualTo("validation-failed");
        Set<String> fields = new HashSet<>();
        bad.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("email", "phone", "timezone", "tags", "customFields.seats",
                "customFields.nope", "status", "source");

        for (String body : List.of("{}", "{\"email\":\"\"}", "{\"email\":5}", "{\"email\":\"a@b.com\",\"tags\":\"x\"}",
                "{\"email\":\"a@b.com\",\"firstName\":\"" + "x".repeat(301) + "\"}", "not json",
                "{\"email\":\"a@b.com\",\"email\":\"c@d.com\"}")) {
            Reply refused = create(owner, ws, body);
            assertThat(refused.status()).as(body + " -> " + refused.body()).isEqualTo(400);
            assertThat(refused.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        assertThat(snapshot()).isEqualTo(before);
        assertThat(published("contact.created", ws)).isEmpty();
    }

    @Test
    void aChangeAppliesOnlyWhatItGivesAndAnUnsubscribeIsAnnouncedTwice() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        declare(owner, ws, "vip", "boolean");
        String id = create(owner, ws, """
                {"email":"ana@example.com","firstName":"Ana","lastName":"Souza","tags":["a"],"customFields":{"vip":true}}""")
                .json().get("id").asText();

        Reply changed = http.patch(contacts(ws) + "/" + id, """
                {"lastName":"","title":"CEO","customFields":{"vip":null},"status":"unsubscribed"}""", owner.headers());

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode body = changed.json();
        assertThat(body.get("firstName").asText()).isEqualTo("Ana");
        assertThat(body.get("lastName") == null || body.get("lastName").isNull()).isTrue();
        assertThat(body.get("title").asText()).isEqualTo("CEO");
        assertThat(body.get("tags")).extracting(JsonNode::asText).containsExactly("a");
        assertThat(body.get("customFields").size()).isZero();
        assertThat(body.get("status").asText()).isEqualTo("unsubscribed");
        assertThat(body.get("version").asLong()).isEqualTo(2);
        assertThat(published("contact.updated", ws)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("\"status\":\"unsubscribed\"").contains("\"version\":2"));
        assertThat(published("contact.unsubscribed", ws)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains(EmailHashes.of(ws, "ana@example.com")));

        var before = snapshot();
        Reply same = http.patch(contacts(ws) + "/" + id, "{\"title\":\" CEO \"}", owner.headers());
        assertThat(same.json().get("version").asLong()).as("a change that changes nothing writes nothing").isEqualTo(2);
        Reply bad = http.patch(contacts(ws) + "/" + id, "{\"title\":\"Boss\",\"phone\":\"call me\"}", owner.headers());
        assertThat(bad.status()).isEqualTo(400);
        // source is not part of a change: the request names nothing to change.
        assertThat(http.patch(contacts(ws) + "/" + id, "{\"source\":\"import\"}", owner.headers()).json()
                .get("source").asText()).isEqualTo("api");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(published("contact.updated", ws)).hasSize(1);
    }

    @Test
    void aNewAddressMovesTheClaimSoTheOldOneIsFreeAndATakenOneIsRefused() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String ana = create(owner, ws, "{\"email\":\"ana@example.com\"}").json().get("id").asText();
        String bia = create(owner, ws, "{\"email\":\"bia@example.com\"}").json().get("id").asText();

        Reply taken = http.patch(contacts(ws) + "/" + ana, "{\"email\":\"BIA@example.com\"}", owner.headers());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("detail").asText()).contains(bia);

        Reply moved = http.patch(contacts(ws) + "/" + ana, "{\"email\":\"ana.souza@example.com\"}", owner.headers());
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(create(owner, ws, "{\"email\":\"ana@example.com\"}").status()).isEqualTo(201);
        Reply dup = create(owner, ws, "{\"email\":\"Ana.Souza@example.com\"}");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().get("detail").asText()).contains(ana);
    }

    @Test
    void aDeletedContactIsGoneLeavesNothingPersonalAndItsAddressMayComeBack() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String id = create(owner, ws, "{\"email\":\"ana@example.com\",\"firstName\":\"Ana\"}").json().get("id").asText();

        assertThat(http.delete(contacts(ws) + "/" + id, owner.headers()).status()).isEqualTo(204);

        assertThat(http.get(contacts(ws) + "/" + id, owner.headers()).status()).isEqualTo(404);
        assertThat(http.delete(contacts(ws) + "/" + id, owner.headers()).status()).isEqualTo(404);
        assertThat(http.patch(contacts(ws) + "/" + id, "{\"title\":\"x\"}", owner.headers()).status()).isEqualTo(404);
        assertThat(http.get(contacts(ws), owner.headers()).json().get("items")).isEmpty();
        assertThat(snapshot().stream().filter(i -> i.get("pk").s().startsWith("WS#" + ws + "#")).toList().toString())
                .contains(id).doesNotContain("ana@example.com").doesNotContain("Ana");
        assertThat(published("contact.deleted", ws)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains(id).contains("\"version\":2").doesNotContain("ana@"));
        Reply again = create(owner, ws, "{\"email\":\"ana@example.com\"}");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asText()).isNotEqualTo(id);
    }

    @Test
    void theListPagesWithTheSharedCursorOldestFirst() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        for (int i = 0; i < 5; i++) {
            create(owner, ws, "{\"email\":\"c" + i + "@example.com\"}");
        }
        Reply first = http.get(contacts(ws) + "?limit=2", owner.headers());
        assertThat(first.json().get("items")).extracting(n -> n.get("email").asText())
                .containsExactly("c0@example.com", "c1@example.com");
        String cursor = first.json().get("nextCursor").asText();
        Reply second = http.get(contacts(ws) + "?limit=3&cursor=" + cursor, owner.headers());
        assertThat(second.json().get("items")).extracting(n -> n.get("email").asText())
                .containsExactly("c2@example.com", "c3@example.com", "c4@example.com");
        assertThat(http.get(contacts(ws) + "?limit=0", owner.headers()).status()).isEqualTo(400);
        String other = workspace();
        assertThat(http.get(contacts(other) + "?cursor=" + cursor, Caller.owner(other).headers()).status())
                .as("a cursor continues only the listing it came from").isEqualTo(400);
    }

    @Test
    void everyRouteKeepsToItsWorkspaceAndViewersOnlyRead() {
        String ws = workspace();
        String other = workspace();
        Caller owner = Caller.owner(ws);
        String id = create(owner, ws, "{\"email\":\"ana@example.com\"}").json().get("id").asText();
        declare(owner, ws, "seats", "number");
        Caller stranger = Caller.owner(other);
        var before = snapshot();

        for (String w : List.of(ws, other)) {
            // The stranger's own workspace does not have it, and ws does not exist for a non-member.
            assertThat(http.get(contacts(w) + "/" + id, stranger.headers()).status()).as(w).isEqualTo(404);
            assertThat(http.patch(contacts(w) + "/" + id, "{\"title\":\"x\"}", stranger.headers()).status()).isEqualTo(404);
            assertThat(http.delete(contacts(w) + "/" + id, stranger.headers()).status()).isEqualTo(404);
            assertThat(http.delete(fields(w) + "/seats", stranger.headers()).status()).isEqualTo(404);
        }
        assertThat(http.get(contacts(other), stranger.headers()).json().get("items")).isEmpty();
        assertThat(http.get(fields(other), stranger.headers()).json().get("items")).isEmpty();
        assertThat(create(stranger, ws, "{\"email\":\"x@example.com\"}").status()).isEqualTo(404);
        assertThat(declare(stranger, ws, "plan", "text").status()).isEqualTo(404);
        assertThat(http.get(contacts(ws), stranger.headers()).status()).isEqualTo(404);
        assertThat(snapshot()).isEqualTo(before);
        // The same address in the stranger's workspace is a contact of its own.
        assertThat(create(stranger, other, "{\"email\":\"ana@example.com\"}").status()).isEqualTo(201);
        assertThat(http.get(contacts(ws) + "/" + id, owner.headers()).status()).isEqualTo(200);

        Caller viewer = Caller.of(ws, Role.VIEWER);
        assertThat(http.get(contacts(ws) + "/" + id, viewer.headers()).status()).isEqualTo(200);
        assertThat(http.get(contacts(ws), viewer.headers()).status()).isEqualTo(200);
        assertThat(create(viewer, ws, "{\"email\":\"v@example.com\"}").status()).isEqualTo(403);
        assertThat(http.patch(contacts(ws) + "/" + id, "{\"title\":\"x\"}", viewer.headers()).status()).isEqualTo(403);
        assertThat(http.delete(contacts(ws) + "/" + id, viewer.headers()).status()).isEqualTo(403);
        assertThat(declare(viewer, ws, "plan", "text").status()).isEqualTo(403);
        assertThat(create(Caller.of(ws, Role.MEMBER), ws, "{\"email\":\"m@example.com\"}").status()).isEqualTo(201);
    }

    @Test
    void customFieldsAreDeclaredOnceWithOneTypeAndRemovable() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        assertThat(declare(owner, ws, "plan", "text").status()).isEqualTo(201);
        assertThat(declare(owner, ws, "plan", "text").status()).isEqualTo(200);
        Reply retyped = declare(owner, ws, "plan", "number");
        assertThat(retyped.status()).isEqualTo(409);
        assertThat(retyped.problemSlug()).isEqualTo("contact-field-exists");
        assertThat(declare(owner, ws, "Bad-Name", "text").status()).isEqualTo(400);
        assertThat(declare(owner, ws, "ok", "money").status()).isEqualTo(400);
        assertThat(http.get(fields(ws), owner.headers()).json().get("items")).extracting(n -> n.get("name").asText())
                .containsExactly("plan");

        String id = create(owner, ws, "{\"email\":\"ana@example.com\",\"customFields\":{\"plan\":\"growth\"}}")
                .json().get("id").asText();
        assertThat(http.delete(fields(ws) + "/plan", owner.headers()).status()).isEqualTo(204);
        assertThat(http.delete(fields(ws) + "/plan", owner.headers()).status()).isEqualTo(404);
        assertThat(http.get(contacts(ws) + "/" + id, owner.headers()).json().at("/customFields/plan").asText())
                .as("values stay until changed").isEqualTo("growth");
        assertThat(http.patch(contacts(ws) + "/" + id, "{\"customFields\":{\"plan\":\"x\"}}", owner.headers()).status())
                .isEqualTo(400);
    }
}
