package dev.penguinmails.contacts.lists;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.contacts.query.Caller;
import dev.penguinmails.contacts.query.QueryApiTest;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.contacts.ContactEvents;
import dev.penguinmails.events.contacts.ContactImportCompleted;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.events.contacts.ImportCounts;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.testsupport.TableSnapshot;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Static lists through the real handler: lifecycle, members, unknown contacts, segments over membership, tenancy. */
@MicronautTest(transactional = false)
@Tag("integration")
class ListApiTest extends QueryApiTest {

    @Test
    void aListIsCreatedRenamedFilledPagedEmptiedAndDeleted() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        ContactState ana = state("ana@acme.com", List.of(), Map.of());
        ContactState bo = state("bo@acme.com", List.of(), Map.of());
        ContactState cy = state("cy@acme.com", List.of(), Map.of());
        List.of(ana, bo, cy).forEach(c -> save(ws, c));
        project();

        Reply created = http.post(lists(ws), "{\"name\":\"Webinar\"}", owner.headers());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(http.patch(lists(ws) + "/" + id, "{\"name\":\"Webinar attendees\"}", owner.headers()).json()
                .get("name").asText()).isEqualTo("Webinar attendees");

        Reply added = http.post(lists(ws) + "/" + id + "/members",
                "{\"contactIds\":[\"" + ana.contactId() + "\",\"" + bo.contactId() + "\",\"" + ana.contactId() + "\"]}",
                owner.headers());
        assertThat(added.status()).as(added.body()).isEqualTo(204);
        Reply page = http.get(lists(ws) + "/" + id + "/members?limit=1", owner.headers());
        assertThat(page.json().get("items")).hasSize(1);
        Reply rest = http.get(lists(ws) + "/" + id + "/members?limit=1&cursor=" + page.json().get("nextCursor").asText(),
                owner.headers());
        assertThat(List.of(page.json().at("/items/0/email").asText(), rest.json().at("/items/0/email").asText()))
                .containsExactlyInAnyOrder("ana@acme.com", "bo@acme.com");

        // A segment over membership sees the list as it changes.
        String inList = "{\"definition\":{\"match\":\"all\",\"rules\":[{\"field\":\"list\",\"op\":\"in_list\",\"value\":\""
                + id + "\"}]},\"sampleSize\":0}";
        assertThat(http.post(segments(ws) + "/preview", inList, owner.headers()).json().get("count").asLong()).isEqualTo(2);
        assertThat(http.post(lists(ws) + "/" + id + "/members/remove", "{\"contactIds\":[\"" + ana.contactId() + "\"]}",
                owner.headers()).status()).isEqualTo(204);
        assertThat(http.post(segments(ws) + "/preview", inList, owner.headers()).json().get("count").asLong()).isEqualTo(1);
        // A deleted contact leaves the list's pages.
        delete(ws, bo, 2);
        project();
        assertThat(http.get(lists(ws) + "/" + id + "/members", owner.headers()).json().get("items")).isEmpty();

        assertThat(http.get(lists(ws), owner.headers()).json().get("items")).extracting(n -> n.get("id").asText()).contains(id);
        assertThat(http.delete(lists(ws) + "/" + id, owner.headers()).status()).isEqualTo(204);
        assertThat(http.get(lists(ws) + "/" + id, owner.headers()).status()).isEqualTo(404);
        assertThat(http.post(segments(ws) + "/preview", inList, owner.headers()).json().get("count").asLong()).isZero();
    }

    @Test
    void idsThatAreNotContactsOfTheWorkspaceAreNamedAndNothingIsAdded() {
        String ws = workspace();
        String other = workspace();
        Caller owner = Caller.owner(ws);
        ContactState mine = state("mine@acme.com", List.of(), Map.of());
        ContactState theirs = state("theirs@acme.com", List.of(), Map.of());
        save(ws, mine);
        save(other, theirs);
        project();
        String id = http.post(lists(ws), "{\"name\":\"L\"}", owner.headers()).json().get("id").asText();
        var before = TableSnapshot.of(dynamo(), table());

        Reply refused = http.post(lists(ws) + "/" + id + "/members", "{\"contactIds\":[\"" + mine.contactId() + "\",\""
                + theirs.contactId() + "\",\"con_nope\"]}", owner.headers());

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("contactIds[1]", "contactIds[2]");
        assertThat(TableSnapshot.of(dynamo(), table())).isEqualTo(before);
        assertThat(http.post(lists(ws) + "/" + id + "/members", "{\"contactIds\":[]}", owner.headers()).status()).isEqualTo(400);
        // Another workspace cannot see or fill the list.
        Caller stranger = Caller.owner(other);
        assertThat(http.get(lists(other) + "/" + id, stranger.headers()).status()).isEqualTo(404);
        assertThat(http.post(lists(other) + "/" + id + "/members", "{\"contactIds\":[\"" + theirs.contactId() + "\"]}",
                stranger.headers()).status()).isEqualTo(404);
    }

    @Test
    void aListAnImportFilledReachesTheQueryModelWhenTheImportCompletes() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        ContactState ana = state("ana@acme.io", List.of(), Map.of());
        ContactState bo = state("bo@acme.io", List.of(), Map.of());
        ContactState cy = state("cy@acme.io", List.of(), Map.of());
        List.of(ana, bo, cy).forEach(c -> save(ws, c));
        project();
        // What family contacts' import wrote: a new list and its members (decision 0041).
        String listId = Ids.newId("lst");
        dynamo().putItem(r -> r.tableName(table()).item(Map.of("pk", AttributeValue.fromS("WS#" + ws + "#LISTS"),
                "sk", AttributeValue.fromS(listId), "name", AttributeValue.fromS("Imported"),
                "status", AttributeValue.fromS("active"), "createdAt", AttributeValue.fromS("2026-12-01T00:00:00Z"))));
        for (ContactState c : List.of(ana, bo)) {
            dynamo().putItem(r -> r.tableName(table()).item(Map.of("pk", AttributeValue.fromS("WS#" + ws + "#LIST#" + listId),
                    "sk", AttributeValue.fromS(c.contactId()), "addedAt", AttributeValue.fromS("2026-12-01T00:00:00Z"))));
        }
        String inList = "{\"definition\":{\"match\":\"all\",\"rules\":[{\"field\":\"list\",\"op\":\"in_list\",\"value\":\""
                + listId + "\"}]},\"sampleSize\":0}";
        assertThat(http.post(segments(ws) + "/preview", inList, owner.headers()).json().get("count").asLong()).isZero();

        DomainEvent<ContactImportCompleted> completed = DomainEvent.create(ContactEvents.CONTACT_IMPORT_COMPLETED, ws,
                new ContactImportCompleted(Ids.newId("imp"), "leads.csv", "csv", "skip", new ImportCounts(2, 2, 0, 0, 0),
                        false, listId));
        publish(completed);
        publish(completed);
        project();

        assertThat(http.post(segments(ws) + "/preview", inList, owner.headers()).json().get("count").asLong()).isEqualTo(2);
        assertThat(http.get(lists(ws) + "/" + listId + "/members", owner.headers()).json().get("items"))
                .extracting(n -> n.get("id").asText()).containsExactlyInAnyOrder(ana.contactId(), bo.contactId());
        // Another workspace's event cannot name this list into its own query model.
        String other = workspace();
        publish(DomainEvent.create(ContactEvents.CONTACT_IMPORT_COMPLETED, other, new ContactImportCompleted(
                Ids.newId("imp"), null, "csv", "skip", new ImportCounts(0, 0, 0, 0, 0), false, listId)));
        project();
        assertThat(http.post(segments(other) + "/preview", inList, Caller.owner(other).headers()).json().get("count")
                .asLong()).isZero();
    }
}
