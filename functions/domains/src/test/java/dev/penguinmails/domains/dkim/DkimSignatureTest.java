package dev.penguinmails.domains.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.domains.Caller;
import dev.penguinmails.domains.DnsApiTest;
import dev.penguinmails.shared.secrets.SecretBox;
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
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.impl.DNSPublicKeyRecordRetriever;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.SimpleResolver;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key we tell customers to publish verifies mail signed with the private key we keep: signed and verified by
 * Apache James jDKIM (not our code), the verifier reading the published record from the DNS server.
 */
@MicronautTest
@Tag("integration")
class DkimSignatureTest extends DnsApiTest {
    private static final String MESSAGE = "From: Ana <ana@signed.com>\r\nTo: lead@example.org\r\nSubject: Quick question\r\n"
            + "Date: Sat, 05 Dec 2026 10:00:00 +0000\r\nMessage-ID: <m1@signed.com>\r\n\r\nHi there,\r\nshort note.\r\n";

    @Test
    void mailSignedWithOurKeyVerifiesAgainstThePublishedRecordAndAChangedBodyDoesNot() throws Exception {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        add(owner, ws, "signed.com");
        publishAsPrinted(owner, ws, "signed.com", List.of());

        DKIMSigner signer = new DKIMSigner("v=1; a=rsa-sha256; c=relaxed/relaxed; d=signed.com; s=pm1; "
                + "h=from:to:subject:date:message-id; bh=; b=;", privateKey(ws, "signed.com"));
        String signature = signer.sign(stream(MESSAGE));
        // jDKIM answers the whole header field, name included.
        String signed = signature + "\r\n" + MESSAGE;

        SimpleResolver resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(dnsPort());
        DKIMVerifier verifier = new DKIMVerifier(new DNSPublicKeyRecordRetriever(resolver));
        List<SignatureRecord> verified = verifier.verify(stream(signed));
        assertThat(verified).singleElement().satisfies(r -> {
            assertThat(r.getDToken().toString()).isEqualTo("signed.com");
            assertThat(r.getSelector().toString()).isEqualTo("pm1");
        });

        assertThatThrownBy(() -> verifier.verify(stream(signed.replace("short note.", "long note."))))
                .isInstanceOf(FailException.class);
    }

    private PrivateKey privateKey(String ws, String domain) throws Exception {
        String sealed = dynamo().getItem(r -> r.tableName(table()).key(Map.of(
                "pk", AttributeValue.fromS("WS#" + ws + "#DOMAINS"), "sk", AttributeValue.fromS(domain))))
                .item().get("dkimKeys").l().get(0).m().get("privateKeySealed").s();
        byte[] pkcs8 = context.getBean(SecretBox.class).open(sealed, DkimKeyMaker.context(ws, domain, "pm1"));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}
