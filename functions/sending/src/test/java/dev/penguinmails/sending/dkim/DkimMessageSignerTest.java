package dev.penguinmails.sending.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.emulators.DnsRecord;
import dev.penguinmails.emulators.LocalDns;
import dev.penguinmails.sending.messages.Address;
import dev.penguinmails.sending.messages.MimeMessages;
import dev.penguinmails.sending.messages.OutgoingMessage;
import dev.penguinmails.shared.secrets.LocalDataKeys;
import dev.penguinmails.shared.secrets.SecretBox;
import dev.penguinmails.shared.secrets.SecretContext;
import dev.penguinmails.shared.secrets.SecretUnreadableException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.impl.DNSPublicKeyRecordRetriever;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.SimpleResolver;

@Tag("integration")
class DkimMessageSignerTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String WORKSPACE = "ws_dkim";
    private static final String DOMAIN = "mail.signed.io";
    private static LocalDns dns;
    private static KeyPair pair;
    private static SecretBox secrets;
    private static String sealed;

    @BeforeAll
    static void publishKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pair = generator.generateKeyPair();
        secrets = new SecretBox(LocalDataKeys.fromBase64(LocalDataKeys.newMasterKey()));
        // Sealed exactly as the domains family's DkimKeyMaker seals it.
        sealed = secrets.seal(pair.getPrivate().getEncoded(),
                new SecretContext(WORKSPACE, "dkim-private-key", DOMAIN + "/pm1"));
        dns = LocalDns.start();
        dns.publish("signed.io", List.of(DnsRecord.txt("pm1._domainkey." + DOMAIN,
                chunks("v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())))));
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    private static String[] chunks(String text) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 255) {
            parts.add(text.substring(i, Math.min(text.length(), i + 255)));
        }
        return parts.toArray(String[]::new);
    }

    private static byte[] signedMessage() {
        DkimSigningKey key = DkimSigningKey.open(secrets, sealed, WORKSPACE, DOMAIN, "pm1");
        OutgoingMessage message = new OutgoingMessage(new Address("ana@" + DOMAIN, "Ana Müller"),
                new Address("bob@example.io", "Bob"), "Grüße, Bob", "Hallo Bob,\nbis bald.\n.\nEnde",
                "<p>Hallo <b>Bob</b></p>", "msg_1", URI.create("mailto:u@" + DOMAIN + "?subject=unsubscribe"),
                URI.create("https://u.penguinmails.dev/u/abc"), null, Instant.parse("2026-12-06T18:00:00Z"));
        return new DkimMessageSigner(key).sign(new MimeMessages().build(message).raw());
    }

    @Test
    void signsTheHeadersThatMatterRelaxedRsaSha256() {
        String signed = new String(signedMessage(), StandardCharsets.US_ASCII);
        String header = signed.substring(0, signed.indexOf("\r\n", signed.indexOf("b=")));
        assertThat(signed).startsWith("DKIM-Signature:");
        assertThat(header.replaceAll("\\s", "")).contains("a=rsa-sha256", "c=relaxed/relaxed", "d=" + DOMAIN, "s=pm1",
                "h=from:to:subject:date:message-id:in-reply-to:references:list-unsubscribe:list-unsubscribe-post");
    }

    @Test
    void jdkimVerifiesWithTheKeyFromDnsAndRefusesATamperedMessage() throws Exception {
        byte[] signed = signedMessage();
        SimpleResolver resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(dns.port());
        DKIMVerifier verifier = new DKIMVerifier(new DNSPublicKeyRecordRetriever(resolver));
        List<SignatureRecord> records = verifier.verify(new ByteArrayInputStream(signed));
        assertThat(records).singleElement().satisfies(r -> assertThat(r.getDToken().toString()).isEqualTo(DOMAIN));

        byte[] tampered = new String(signed, StandardCharsets.US_ASCII).replace("List-Unsubscribe-Post: List-Unsubscribe=One-Click",
                "List-Unsubscribe-Post: List-Unsubscribe=Two-Clicks").getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> verifier.verify(new ByteArrayInputStream(tampered))).isNotNull();
    }

    @Test
    void dkimpyFromDebianVerifiesIndependently() throws Exception {
        Assumptions.assumeTrue(dkimpyInstalled(), "SKIPPED LOUDLY: dkimpy is missing; run "
                + "'apt-get install -y python3-dkim python3-dnspython' (/usr/bin/python3) for the independent DKIM check");
        byte[] signed = signedMessage();
        assertThat(dkimpy(signed)).isEqualTo("pass");
        byte[] tampered = new String(signed, StandardCharsets.US_ASCII).replace("Hallo <b>Bob</b>", "Hallo <b>Eve</b>")
                .getBytes(StandardCharsets.US_ASCII);
        // The HTML part may be quoted-printable or base64; tamper with a byte of the body either way.
        if (java.util.Arrays.equals(tampered, signed)) {
            tampered = signed.clone();
            tampered[tampered.length - 10] ^= 1;
        }
        assertThat(dkimpy(tampered)).startsWith("fail");
    }

    @Test
    void aKeySealedForAnotherDomainDoesNotOpen() {
        assertThatThrownBy(() -> DkimSigningKey.open(secrets, sealed, WORKSPACE, "other.io", "pm1"))
                .isInstanceOf(SecretUnreadableException.class);
        assertThatThrownBy(() -> DkimSigningKey.open(secrets, sealed, "ws_other", DOMAIN, "pm1"))
                .isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void readsPkcs8AsPemToo() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        DkimSigningKey key = DkimSigningKey.of("Mail.Signed.io", "pm1", pem.getBytes(StandardCharsets.US_ASCII));
        assertThat(key.privateKey()).isEqualTo(pair.getPrivate());
        assertThat(key.domain()).isEqualTo(DOMAIN);
        assertThatThrownBy(() -> DkimSigningKey.of(DOMAIN, "pm1", new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean dkimpyInstalled() throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        Process check = new ProcessBuilder(PYTHON.toString(), "-c", "import dkim, dns.query").redirectErrorStream(true).start();
        return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
    }

    private static String dkimpy(byte[] message) throws IOException, InterruptedException {
        Path script = Path.of("src/test/resources/dkim/dkimpy_verify.py");
        Process process = new ProcessBuilder(PYTHON.toString(), script.toString(), String.valueOf(dns.port()))
                .redirectErrorStream(true).start();
        try (var in = process.getOutputStream()) {
            in.write(message);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("dkimpy finished").isTrue();
        return output;
    }
}
