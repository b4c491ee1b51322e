package dev.penguinmails.domains.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.domains.DomainsApiTest;
import dev.penguinmails.domains.dkim.DkimKeyMaker;
import dev.penguinmails.emulators.PublishedEvent;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.secrets.SecretBox;
import dev.penguinmails.testsupport.TestHttp.Reply;
import dev.penguinmails.domains.Caller;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Adding, reading and removing domains through the real handler: names, keys, events, roles and tenancy. */
@MicronautTest
@Tag("integration")
class DomainApiTest extends DomainsApiTest {

    @Test
    void anAddedDomainIsPendingWithItsOwnDkimKeySealedAndAnnounced() throws Exception {
        String ws = workspace();
        Reply added = add(Caller.owner(ws), ws, "  Outreach.ACME.com. ");

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.header("Location").orElseThrow()).isEqualTo(domains(ws) + "/outreach.acme.com");
        JsonNode body = added.json();
        assertThat(body.get("name").asText()).isEqualTo("outreach.acme.com");
        assertThat(body.get("organizationalDomain").asText()).isEqualTo("acme.com");
        assertThat(body.get("subdomain").asBoolean()).isTrue();
        assertThat(body.get("status").asText()).isEqualTo("pending");
        assertThat(body.get("eligibleForSending").asBoolean()).isFalse();
        assertThat(body.get("dkimSelectors")).extracting(JsonNode::asText).containsExactly("pm1");
        assertThat(body.toString()).doesNotContain("privateKey");

        Map<String, AttributeValue> key = item(ws, "outreach.acme.com").get("dkimKeys").l().get(0).m();
        String sealed = key.get("privateKeySealed").s();
        assertThat(sealed).startsWith("pm1.").doesNotContain("PRIVATE KEY").doesNotContain("MII");
        byte[] pkcs8 = context.getBean(SecretBox.class).open(sealed, DkimKeyMaker.context(ws, "outreach.acme.com", "pm1"));
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(key.get("publicKey").s())));
        assertThat(publicKey.getModulus().bitLength()).isEqualTo(2048);
        assertThat(privateKey.getModulus()).isEqualTo(publicKey.getModulus());

        List<PublishedEvent> events = published("domain.added", ws);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).detail()).contains("\"domain\":\"outreach.acme.com\"").contains("\"subdomain\":true")
                .contains("\"dkimSelector\":\"pm1\"").doesNotContain("pm1.");
    }

    @Test
    void internationalNamesAreStoredInPunycodeAndFoundByEitherForm() {
        String ws = workspace();
        Reply added = add(Caller.owner(ws), ws, "Bücher.de");

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("name").asText()).isEqualTo("xn--bcher-kva.de");
        assertThat(added.json().get("unicodeName").asText()).isEqualTo("bücher.de");
        assertThat(added.json().get("subdomain").asBoolean()).isFalse();
        assertThat(get(Caller.owner(ws), ws, "/xn--bcher-kva.de").status()).isEqualTo(200);
        assertThat(get(Caller.owner(ws), ws, "/B%C3%BCcher.de").json().get("name").asText()).isEqualTo("xn--bcher-kva.de");
    }

    @Test
    void namesThatCannotBeSendingDomainsAreRefusedAndChangeNothing() {
        String ws = workspace();
        var before = snapshot();
        for (String name : List.of("co.uk", "com", "github.io", "192.0.2.10", "[2001:db8::1]", "not a domain", "acme",
                "acme.notarealtld", "penguinmails.dev", "mail.penguinmails.dev", "-acme.com", "a..b.com",
                "x".repeat(64) + ".com")) {
            Reply refused = add(Caller.owner(ws), ws, name);
            assertThat(refused.status()).as(name + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(refused.json().at("/errors/0/field").asText()).as(name).isEqualTo("name");
        }
        Reply blank = http.post(domains(ws), "{\"name\":\"\"}", Caller.owner(ws).headers());
        assertThat(blank.status()).isEqualTo(400);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(published("domain.added", ws)).isEmpty();
    }

    @Test
    void aDomainIsUniqueInItsWorkspaceButAnotherWorkspaceMayAddItToo() {
        String ws = workspace();
        String other = workspace();
        assertThat(add(Caller.owner(ws), ws, "acme.com").status()).isEqualTo(201);
        var before = snapshot();

        Reply again = add(Caller.owner(ws), ws, "ACME.com.");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("/domain-exists");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(add(Caller.owner(other), other, "acme.com").status()).isEqualTo(201);
    }

    @Test
    void anotherWorkspaceCanNeitherSeeNorRemoveADomainAndViewersOnlyRead() {
        String ws = workspace();
        String other = workspace();
        add(Caller.owner(ws), ws, "acme.com");
        Caller stranger = Caller.owner(other);

        // The stranger's own workspace does not have it, and ws itself does not exist for a non-member.
        assertThat(get(stranger, other, "/acme.com").status()).isEqualTo(404);
        assertThat(http.delete(domains(other) + "/acme.com", stranger.headers()).status()).isEqualTo(404);
        assertThat(get(stranger, ws, "/acme.com").status()).isEqualTo(404);
        assertThat(http.delete(domains(ws) + "/acme.com", stranger.headers()).status()).isEqualTo(404);
        assertThat(get(Caller.owner(ws), ws, "/acme.com").status()).isEqualTo(200);
        // Every route under the domain answers the same for someone else's domain, and changes nothing.
        var before = snapshot();
        assertThat(get(stranger, other, "/acme.com/records").status()).isEqualTo(404);
        assertThat(http.post(domains(other) + "/acme.com/verify", "{}", stranger.headers()).status()).isEqualTo(404);
        assertThat(http.post(domains(other) + "/acme.com/dkim/rotate", "{}", stranger.headers()).status()).isEqualTo(404);
        assertThat(http.post(domains(ws) + "/acme.com/dkim/rotate", "{}", stranger.headers()).status()).isEqualTo(404);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(get(stranger, other, "").json().get("items")).isEmpty();

        Caller viewer = Caller.of(ws, Role.VIEWER);
        assertThat(get(viewer, ws, "/acme.com").status()).isEqualTo(200);
        assertThat(add(viewer, ws, "beta.com").status()).isEqualTo(403);
        assertThat(http.delete(domains(ws) + "/acme.com", viewer.headers()).status()).isEqualTo(403);
        assertThat(add(Caller.of(ws, Role.MEMBER), ws, "beta.com").status()).isEqualTo(403);
        assertThat(add(Caller.of(ws, Role.ADMIN), ws, "beta.com").status()).isEqualTo(201);
    }

    @Test
    void aRemovedDomainIsGoneAnnouncedAndGetsNewKeysWhenAddedAgain() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        add(owner, ws, "acme.com");
        add(owner, ws, "beta.com");
        String firstKey = item(ws, "acme.com").get("dkimKeys").l().get(0).m().get("publicKey").s();

        assertThat(http.delete(domains(ws) + "/acme.com", owner.headers()).status()).isEqualTo(204);

        assertThat(get(owner, ws, "/acme.com").status()).isEqualTo(404);
        assertThat(get(owner, ws, "").json().get("items")).extracting(d -> d.get("name").asText()).containsExactly("beta.com");
        assertThat(published("domain.removed", ws)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("\"domain\":\"acme.com\"").contains("\"version\":2"));
        assertThat(http.delete(domains(ws) + "/acme.com", owner.headers()).status()).isEqualTo(404);

        assertThat(add(owner, ws, "acme.com").status()).isEqualTo(201);
        assertThat(item(ws, "acme.com").get("dkimKeys").l().get(0).m().get("publicKey").s()).isNotEqualTo(firstKey);
    }

    @Test
    void domainsArePagedByName() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        for (String name : List.of("c-acme.com", "a-acme.com", "b-acme.com")) {
            add(owner, ws, name);
        }
        Reply first = get(owner, ws, "?limit=2");
        assertThat(first.json().get("items")).extracting(d -> d.get("name").asText()).containsExactly("a-acme.com", "b-acme.com");
        String cursor = first.json().get("nextCursor").asText();
        Reply second = get(owner, ws, "?limit=2&cursor=" + cursor);
        assertThat(second.json().get("items")).extracting(d -> d.get("name").asText()).containsExactly("c-acme.com");
        // A cursor is bound to its workspace's list.
        String other = workspace();
        Reply foreign = get(Caller.owner(other), other, "?cursor=" + cursor);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.problemSlug()).isEqualTo("invalid-cursor");
    }

    private Map<String, AttributeValue> item(String ws, String name) {
        return dynamo().getItem(r -> r.tableName(table()).key(Map.of("pk", AttributeValue.fromS("WS#" + ws + "#DOMAINS"),
                "sk", AttributeValue.fromS(name)))).item();
    }
}
