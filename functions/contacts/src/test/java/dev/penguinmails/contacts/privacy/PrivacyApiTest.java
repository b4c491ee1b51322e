package dev.penguinmails.contacts.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.contacts.Caller;
import dev.penguinmails.contacts.ContactsApiTest;
import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Exporting and erasing a contact: what the person gets, what is left behind, and who may ask. */
@MicronautTest
@Tag("integration")
class PrivacyApiTest extends ContactsApiTest {

    private String contact(Caller owner, String ws, String email) {
        Reply created = create(owner, ws, "{\"email\":\"" + email + "\",\"firstName\":\"Ana\",\"company\":\"Acme\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void theExportHoldsTheContactAndTheEntriesForItsAddress() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String id = contact(owner, ws, "ana@mail.acme.com");
        http.post(suppressions(ws), "{\"email\":\"ana@mail.acme.com\",\"reason\":\"unsubscribed\"}", owner.headers());
        http.post(suppressions(ws), "{\"domain\":\"acme.com\",\"reason\":\"manual\"}", owner.headers());
        http.post(suppressions(ws), "{\"domain\":\"other.com\",\"reason\":\"manual\"}", owner.headers());

        Reply export = http.get(contacts(ws) + "/" + id + "/export", owner.headers());

        assertThat(export.status()).as(export.body()).isEqualTo(200);
        JsonNode body = export.json();
        assertThat(body.at("/contact/id").asText()).isEqualTo(id);
        assertThat(body.at("/contact/firstName").asText()).isEqualTo("Ana");
        assertThat(body.get("suppressions")).extracting(n -> n.get("id").asText())
                .containsExactlyInAnyOrder("eml_" + EmailHashes.of(ws, "ana@mail.acme.com"), "dom_acme.com");
        assertThat(body.get("exportedAt").asText()).isNotBlank();
    }

    @Test
    void erasureLeavesOnlyAHashedSuppressionEntryAndBlocksTheAddress() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String id = contact(owner, ws, "Ana@Example.com");
        String hash = EmailHashes.of(ws, "ana@example.com");

        assertThat(http.post(contacts(ws) + "/" + id + "/erase", "{}", owner.headers()).status()).isEqualTo(204);

        assertThat(http.get(contacts(ws) + "/" + id, owner.headers()).status()).isEqualTo(404);
        String held = snapshot().stream().filter(i -> i.get("pk").s().startsWith("WS#" + ws + "#")).toList().toString();
        assertThat(held).doesNotContainIgnoringCase("ana@example.com").doesNotContain("Ana").doesNotContain("Acme")
                .contains(hash);
        JsonNode entry = http.get(suppressions(ws), owner.headers()).json().at("/items/0");
        assertThat(entry.get("id").asText()).isEqualTo("eml_" + hash);
        assertThat(entry.get("reason").asText()).isEqualTo("erased");
        assertThat(entry.has("email") && !entry.get("email").isNull()).isFalse();
        assertThat(published("contact.erased", ws)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains(id).contains(hash).doesNotContainIgnoringCase("ana@"));
        assertThat(published("contact.deleted", ws)).hasSize(1);
        assertThat(published("suppression.added", ws)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("\"reason\":\"erased\"").doesNotContainIgnoringCase("ana@"));

        // Neither the check nor a new create brings the person back, in any spelling.
        JsonNode check = http.post(suppressions(ws) + "/check", "{\"email\":\"ANA@example.com\"}", owner.headers()).json();
        assertThat(check.get("suppressed").asBoolean()).isTrue();
        Reply again = create(owner, ws, "{\"email\":\" ana@EXAMPLE.com\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemSlug()).isEqualTo("contact-erased");
        assertThat(http.post(contacts(ws) + "/" + id + "/erase", "{}", owner.headers()).status()).isEqualTo(404);

        // Removing the entry (the person subscribed anew) lets the address be added again.
        assertThat(http.delete(suppressions(ws) + "/eml_" + hash, owner.headers()).status()).isEqualTo(204);
        assertThat(create(owner, ws, "{\"email\":\"ana@example.com\"}").status()).isEqualTo(201);
    }

    @Test
    void anExistingEntryKeepsItsReasonButLosesTheAddress() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String id = contact(owner, ws, "ana@example.com");
        http.post(suppressions(ws), "{\"email\":\"ana@example.com\",\"reason\":\"complaint\"}", owner.headers());

        assertThat(http.post(contacts(ws) + "/" + id + "/erase", "{}", owner.headers()).status()).isEqualTo(204);

        JsonNode entry = http.get(suppressions(ws), owner.headers()).json().at("/items/0");
        assertThat(entry.get("reason").asText()).isEqualTo("complaint");
        assertThat(entry.has("email") && !entry.get("email").isNull()).isFalse();
        assertThat(published("suppression.added", ws)).hasSize(2)
                .anySatisfy(e -> assertThat(e.detail()).contains("\"version\":2").doesNotContain("\"email\":"));
        assertThat(snapshot().stream().filter(i -> i.get("pk").s().startsWith("WS#" + ws + "#")).toList().toString())
                .doesNotContain("ana@example.com");
    }

    @Test
    void onlyTheWorkspaceMayExportOrEraseAndViewersOnlyExport() {
        String ws = workspace();
        String other = workspace();
        Caller owner = Caller.owner(ws);
        String id = contact(owner, ws, "ana@example.com");
        Caller stranger = Caller.owner(other);
        var before = snapshot();

        for (String w : new String[] {ws, other}) {
            assertThat(http.get(contacts(w) + "/" + id + "/export", stranger.headers()).status()).isEqualTo(404);
            assertThat(http.post(contacts(w) + "/" + id + "/erase", "{}", stranger.headers()).status()).isEqualTo(404);
        }
        Caller viewer = Caller.of(ws, Role.VIEWER);
        assertThat(http.get(contacts(ws) + "/" + id + "/export", viewer.headers()).status()).isEqualTo(200);
        assertThat(http.post(contacts(ws) + "/" + id + "/erase", "{}", viewer.headers()).status()).isEqualTo(403);
        assertThat(snapshot()).isEqualTo(before);
    }
}
