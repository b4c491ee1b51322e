package dev.penguinmails.domains.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.domains.Caller;
import dev.penguinmails.domains.DnsApiTest;
import dev.penguinmails.shared.secrets.SecretBox;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Map;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.impl.DNSPublicKeyRecordRetriever;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.SimpleResolver;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A DKIM key rotation end to end: the next key is published beside the signing one, takes over once its record
 * verifies (announced to sending), and during the overlap mail signed with either key verifies (Apache James
 * jDKIM, reading the published records from the DNS server).
 */
@MicronautTest
@Tag("integration")
class DkimRotationTest extends DnsApiTest {
    private static final String MESSAGE = "From: Ana <ana@rotating.com>\r\nTo: lead@example.org\r\nSubject: Hello\r\n"
            + "Date: Sat, 05 Dec 2026 10:00:00 +0000\r\n\r\nHi,\r\nshort note.\r\n";

    @Test
    void theNextKeyTakesOverOnceVerifiedAndMailSignedWithEitherKeyVerifiesDuringTheOverlap() throws Exception {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        add(owner, ws, "rotating.com");
        publishAsPrinted(owner, ws, "rotating.com", List.of());
        assertThat(verify(owner, ws, "rotating.com").json().at("/domain/status").asText()).isEqualTo("verified");

        Reply rotated = http.post(domains(ws) + "/rotating.com/dkim/rotate", "{}", owner.headers());
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(states(rotated.json())).isEqualTo("pm1=active,pm2=next");
        Reply again = http.post(domains(ws) + "/rotating.com/dkim/rotate", "{}", owner.headers());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemSlug()).isEqualTo("dkim-rotation-in-progress");

        // Not published yet: pm1 keeps signing and the domain stays verified.
        JsonNode waiting = verify(owner, ws, "rotating.com").json();
        assertThat(waiting.at("/domain/status").asText()).isEqualTo("verified");
        assertThat(states(waiting.get("domain"))).isEqualTo("pm1=active,pm2=next");

        publishAsPrinted(owner, ws, "rotating.com", List.of());
        JsonNode tookOver = verify(owner, ws, "rotating.com").json();
        assertThat(states(tookOver.get("domain"))).isEqualTo("pm1=retiring,pm2=active");
        assertThat(tookOver.at("/domain/dkimKeys/0/retireAfter").asText()).isNotEmpty();
        assertThat(published("domain.verified", ws)).hasSize(2)
                .last().satisfies(e -> assertThat(e.detail()).contains("\"dkimSelector\":\"pm2\""));

        SimpleResolver resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(dnsPort());
        DKIMVerifier verifier = new DKIMVerifier(new DNSPublicKeyRecordRetriever(resolver));
        for (String selector : List.of("pm1", "pm2")) {
            DKIMSigner signer = new DKIMSigner("v=1; a=rsa-sha256; c=relaxed/relaxed; d=rotating.com; s=" + selector
                    + "; h=from:to:subject:date; bh=; b=;", privateKey(ws, selector));
            String signed = signer.sign(stream(MESSAGE)) + "\r\n" + MESSAGE;
            assertThat(verifier.verify(stream(signed))).as(selector).singleElement()
                    .satisfies(r -> assertThat(r.getSelector().toString()).isEqualTo(selector));
        }
    }

    private static String states(JsonNode domain) {
        StringBuilder text = new StringBuilder();
        domain.get("dkimKeys").forEach(k -> text.append(text.isEmpty() ? "" : ",")
                .append(k.get("selector").asText()).append('=').append(k.get("state").asText()));
        return text.toString();
    }

    private PrivateKey privateKey(String ws, String selector) throws Exception {
        List<AttributeValue> keys = dynamo().getItem(r -> r.tableName(table()).key(Map.of(
                "pk", AttributeValue.fromS("WS#" + ws + "#DOMAINS"), "sk", AttributeValue.fromS("rotating.com"))))
                .item().get("dkimKeys").l();
        String sealed = keys.stream().map(AttributeValue::m).filter(m -> m.get("selector").s().equals(selector))
                .findFirst().orElseThrow().get("privateKeySealed").s();
        byte[] pkcs8 = context.getBean(SecretBox.class).open(sealed, DkimKeyMaker.context(ws, "rotating.com", selector));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}
