package dev.penguinmails.contacts.segments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.contacts.query.Caller;
import dev.penguinmails.contacts.query.QueryApiTest;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.testsupport.TableSnapshot;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Segments through the real handler: saved and previewed definitions, counts and pages, bad rules, roles, tenancy. */
@MicronautTest(transactional = false)
@Tag("integration")
class SegmentApiTest extends QueryApiTest {
    private String ws;
    private Caller owner;
    private ContactState ana;

    @BeforeAll
    void contacts() {
        ws = workspace();
        owner = Caller.owner(ws);
        declare(ws, "seats", "number");
        declare(ws, "renews", "date");
        declare(ws, "plan", "text");
        declare(ws, "vip", "boolean");
        ana = state("ana@acme.com", List.of("lead", "q4"), Map.of("seats", new String[] {"number", "12"},
                "plan", new String[] {"text", "Growth"}, "renews", new String[] {"date", "2027-01-31"}));
        save(ws, ana);
        save(ws, state("bo@acme.com", List.of("lead"), Map.of("seats", new String[] {"number", "3"},
                "vip", new String[] {"boolean", "true"})));
        save(ws, state("cy@globex.io", List.of("customer"), Map.of("seats", new String[] {"number", "40"},
                "renews", new String[] {"date", "2026-06-01"})));
        save(ws, state("dee@globex.io", List.of(), Map.of()));
        project();
    }

    @Test
    void aPreviewCountsAndSamplesTagCustomFieldAndOrGroups() {
        Reply preview = http.post(segments(ws) + "/preview", """
                {"definition":{"match":"all","rules":[
                   {"field":"tags","op":"has_any","values":["LEAD","customer"]},
                   {"match":"any","rules":[
                      {"field":"custom.seats","op":"gt","value":10},
                      {"field":"custom.vip","op":"eq","value":true}]}]},
                 "sampleSize":2}""", owner.headers());

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("count").asLong()).isEqualTo(3);
        assertThat(preview.json().get("sample")).hasSize(2);
        assertThat(count("{\"match\":\"all\",\"rules\":[{\"field\":\"domain\",\"op\":\"eq\",\"value\":\"GLOBEX.io\"}]}")).isEqualTo(2);
        assertThat(count("{\"match\":\"all\",\"rules\":[{\"field\":\"email\",\"op\":\"starts_with\",\"value\":\"a\"}]}")).isEqualTo(1);
        assertThat(count("{\"match\":\"all\",\"rules\":[{\"field\":\"email\",\"op\":\"contains\",\"value\":\"%\"}]}")).isZero();
        assertThat(count("{\"match\":\"all\",\"rules\":[{\"field\":\"tags\",\"op\":\"is_empty\"}]}")).isEqualTo(1);
        assertThat(count("{\"match\":\"all\",\"rules\":[{\"field\":\"tags\",\"op\":\"has_all\",\"values\":[\"lead\",\"q4\"]}]}")).isEqualTo(1);
        assertThat(count("{\"match\":\"all\",\"rules\":[{\"field\":\"tags\",\"op\":\"has_none\",\"values\":[\"lead\"]}]}")).isEqualTo(2);
        assertThat(count("{\"match\":\"all\",\"rules\":[{\"field\":\"custom.seats\",\"op\":\"between\",\"values\":[3,12]}]}")).isEqualTo(2);
        assertThat(count("{\"match\":\"all\",\"rules\":[{\"field\":\"custom.seats\",\"op\":\"eq\",\"value\":12.0}]}")).isEqualTo(1);
        assertThat(count("{\"match\":\"all\",\"rules\":[{\"field\":\"custom.renews\",\"op\":\"lt\",\"value\":\"2027-01-01\"}]}")).isEqualTo(1);
        assertThat(count("{\"match\":\"all\",\"rules\":[{\"field\":\"custom.plan\",\"op\":\"eq\",\"value\":\"Growth\"}]}")).isEqualTo(1);
        assertThat(count("{\"match\":\"all\",\"rules\":[{\"field\":\"custom.plan\",\"op\":\"is_empty\"}]}")).isEqualTo(3);
        assertThat(count("{\"match\":\"all\",\"rules\":[{\"field\":\"createdAt\",\"op\":\"gt\",\"value\":\"2020-01-01\"}]}")).isEqualTo(4);
        assertThat(count("{\"match\":\"any\",\"rules\":[{\"field\":\"status\",\"op\":\"in\",\"values\":[\"ACTIVE\"]}]}")).isEqualTo(4);
    }

    @Test
    void aSavedSegmentFollowsContactsAsTheyChange() {
        Reply saved = http.post(segments(ws), """
                {"name":"Leads","definition":{"match":"all","rules":[{"field":"tags","op":"has_any","values":["lead"]}]}}""",
                owner.headers());
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        String id = saved.json().get("id").asText();
        assertThat(saved.header("Location").orElseThrow()).endsWith("/segments/" + id);
        assertThat(http.get(segments(ws) + "/" + id + "/count", owner.headers()).json().get("count").asLong()).isEqualTo(2);

        // Ana stops being a lead: the count moves.
        save(ws, withVersion(ana, 2, "active", List.of("q4")));
        project();
        assertThat(http.get(segments(ws) + "/" + id + "/count", owner.headers()).json().get("count").asLong()).isEqualTo(1);
        save(ws, withVersion(ana, 3, "active", List.of("q4", "lead")));
        project();

        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = http.get(segments(ws) + "/" + id + "/contacts?limit=1" + (cursor == null ? "" : "&cursor=" + cursor),
                    owner.headers());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").forEach(i -> ids.add(i.get("email").asText()));
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
        } while (cursor != null);
        assertThat(ids).containsExactlyInAnyOrder("ana@acme.com", "bo@acme.com");

        Reply renamed = http.send("PUT", segments(ws) + "/" + id, """
                {"name":"Customers","definition":{"match":"all","rules":[{"field":"tags","op":"has_any","values":["customer"]}]}}""",
                owner.headers());
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(http.get(segments(ws) + "/" + id + "/count", owner.headers()).json().get("count").asLong()).isEqualTo(1);
        assertThat(http.get(segments(ws), owner.headers()).json().get("items")).extracting(n -> n.get("name").asText())
                .contains("Customers");
        assertThat(http.delete(segments(ws) + "/" + id, owner.headers()).status()).isEqualTo(204);
        assertThat(http.get(segments(ws) + "/" + id + "/count", owner.headers()).status()).isEqualTo(404);
    }

    @Test
    void everyBadRuleIsNamedByItsPathAndNothingIsSaved() {
        var before = TableSnapshot.of(dynamo(), table());
        Reply bad = http.post(segments(ws), """
                {"name":"Bad","definition":{"match":"all","rules":[
                   {"field":"password","op":"eq","value":"x"},
                   {"field":"custom.seats","op":"contains","value":"1"},
                   {"match":"either","rules":[{"field":"custom.nope","op":"eq","value":1},
                                              {"field":"createdAt","op":"gt","value":"yesterday"}]},
                   {"field":"tags","op":"has_any"},
                   {"field":"custom.seats","op":"between","values":[1]}]}}""", owner.headers());

        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder(
                "definition.rules[0].field", "definition.rules[1].op", "definition.rules[2].match",
                "definition.rules[2].rules[0].field", "definition.rules[2].rules[1].value",
                "definition.rules[3].values", "definition.rules[4].values");
        assertThat(TableSnapshot.of(dynamo(), table())).isEqualTo(before);

        StringBuilder deep = new StringBuilder("{\"match\":\"all\",\"rules\":[{\"field\":\"email\",\"op\":\"is_empty\"}]}");
        for (int i = 0; i < SegmentCompiler.MAX_DEPTH; i++) {
            deep = new StringBuilder("{\"match\":\"any\",\"rules\":[" + deep + "]}");
        }
        Reply tooDeep = http.post(segments(ws) + "/preview", "{\"definition\":" + deep + "}", owner.headers());
        assertThat(tooDeep.status()).isEqualTo(400);
        assertThat(tooDeep.body()).contains("nest at most");
    }

    @Test
    void valuesNeverBecomeSql() {
        assertThat(count("{\"match\":\"all\",\"rules\":[{\"field\":\"email\",\"op\":\"eq\",\"value\":\"x' OR '1'='1\"}]}")).isZero();
        assertThat(count("{\"match\":\"all\",\"rules\":[{\"field\":\"custom.plan\",\"op\":\"eq\",\"value\":\"\\\"}' OR true --\"}]}")).isZero();
        assertThat(count("{\"match\":\"all\",\"rules\":[{\"field\":\"list\",\"op\":\"in_list\",\"value\":\"x') OR (1=1\"}]}")).isZero();
    }

    @Test
    void anotherWorkspaceNeitherReadsNorCountsThisOnesSegments() {
        String id = http.post(segments(ws), """
                {"name":"All","definition":{"match":"all","rules":[{"field":"email","op":"is_not_empty"}]}}""",
                owner.headers()).json().get("id").asText();
        String other = workspace();
        Caller stranger = Caller.owner(other);

        // The same id under the other workspace's path finds nothing; this workspace's path is hidden from a stranger.
        assertThat(http.get(segments(other) + "/" + id, stranger.headers()).status()).isEqualTo(404);
        assertThat(http.get(segments(other) + "/" + id + "/count", stranger.headers()).status()).isEqualTo(404);
        assertThat(http.get(segments(ws) + "/" + id + "/count", stranger.headers()).status()).isEqualTo(404);
        assertThat(http.post(segments(ws) + "/preview", "{\"definition\":{\"match\":\"all\",\"rules\":[{\"field\":"
                + "\"email\",\"op\":\"is_not_empty\"}]}}", stranger.headers()).status()).isEqualTo(404);
        Reply theirs = http.post(segments(other) + "/preview",
                "{\"definition\":{\"match\":\"all\",\"rules\":[{\"field\":\"email\",\"op\":\"is_not_empty\"}]}}", stranger.headers());
        assertThat(theirs.json().get("count").asLong()).isZero();
        // A viewer may read but not change.
        Caller viewer = Caller.of(ws, Role.VIEWER);
        assertThat(http.get(segments(ws) + "/" + id + "/count", viewer.headers()).status()).isEqualTo(200);
        assertThat(http.delete(segments(ws) + "/" + id, viewer.headers()).status()).isEqualTo(403);
    }

    private long count(String definition) {
        Reply r = http.post(segments(ws) + "/preview", "{\"definition\":" + definition + ",\"sampleSize\":0}", owner.headers());
        assertThat(r.status()).as(definition + " -> " + r.body()).isEqualTo(200);
        JsonNode json = r.json();
        return json.get("count").asLong();
    }
}
