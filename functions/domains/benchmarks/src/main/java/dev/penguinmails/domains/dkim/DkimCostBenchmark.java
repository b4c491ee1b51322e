package dev.penguinmails.domains.dkim;

import dev.penguinmails.shared.secrets.LocalDataKeys;
import dev.penguinmails.shared.secrets.SecretBox;
import dev.penguinmails.shared.secrets.SecretContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.exceptions.FailException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What DKIM costs in CPU: making a domain's key (as {@link DkimKeyMaker} does, sealed with the local master key),
 * and signing one typical cold email (src/main/resources/cold-email.eml: multipart text and HTML, about 4 KB) with
 * Apache James jDKIM, rsa-sha256 and relaxed/relaxed, with the private key at hand or first unsealed from the
 * domain's stored form. The results and what they mean are in docs/benchmarks/dkim.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DkimCostBenchmark {
    static final String WORKSPACE = "ws-bench";
    static final String DOMAIN = "mail.penguin-outreach.com";
    static final String SELECTOR = "pm1";
    /** The headers a cold email carries that a receiver should trust only signed. */
    static final String SIGNATURE_TEMPLATE = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + DOMAIN + "; s=" + SELECTOR
            + "; h=from:reply-to:to:subject:date:message-id:mime-version:content-type:list-unsubscribe"
            + ":list-unsubscribe-post:feedback-id; bh=; b=;";

    private DkimKeyMaker keyMaker;
    private SecretBox secrets;
    private SecretContext context;
    private String sealedKey;
    private PrivateKey privateKey;
    private byte[] message;

    @Setup
    public void setUp() throws Exception {
        secrets = new SecretBox(LocalDataKeys.fromBase64(LocalDataKeys.newMasterKey()));
        keyMaker = new DkimKeyMaker(secrets);
        context = DkimKeyMaker.context(WORKSPACE, DOMAIN, SELECTOR);
        DkimKey key = keyMaker.make(WORKSPACE, DOMAIN, SELECTOR, DkimKey.State.ACTIVE);
        sealedKey = key.privateKeySealed();
        privateKey = openKey();
        message = coldEmail();
        mustVerify(key.publicKey());
    }

    /** (a) An RSA-2048 key pair, as every new domain and every rotation needs. */
    @Benchmark
    public KeyPair generateRsa2048() {
        return DkimKeys.generateRsa();
    }

    /** (b) A domain's key as the domains function makes it: RSA-2048, then sealed under a fresh data key. */
    @Benchmark
    public DkimKey makeSealedKey() {
        return keyMaker.make(WORKSPACE, DOMAIN, SELECTOR, DkimKey.State.ACTIVE);
    }

    /** (c) Signing one message with the private key already open, as a warm sender that keeps keys would. */
    @Benchmark
    public String sign() throws IOException, FailException {
        return sign(privateKey);
    }

    /** Unsealing the stored key and parsing it: the share of (d) that a key cache saves. */
    @Benchmark
    public PrivateKey openKey() throws GeneralSecurityException {
        byte[] pkcs8 = secrets.open(sealedKey, context);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** (d) Unsealing the stored key, then signing: the per-message path of a sender that keeps no keys. */
    @Benchmark
    public String openKeyAndSign() throws GeneralSecurityException, IOException, FailException {
        return sign(openKey());
    }

    private String sign(PrivateKey key) throws IOException, FailException {
        return new DKIMSigner(SIGNATURE_TEMPLATE, key).sign(new ByteArrayInputStream(message));
    }

    /** The fixture with CRLF line ends, as it travels over SMTP and as DKIM canonicalises it. */
    static byte[] coldEmail() {
        try (InputStream in = DkimCostBenchmark.class.getResourceAsStream("/cold-email.eml")) {
            if (in == null) {
                throw new IllegalStateException("cold-email.eml is missing from the benchmark's class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // A benchmark of a signature that does not verify would measure nothing useful: check one before timing.
    private void mustVerify(String publicKeyBase64) throws Exception {
        String signed = sign(privateKey) + "\r\n" + new String(message, StandardCharsets.US_ASCII);
        DKIMVerifier verifier = new DKIMVerifier((method, selector, domain) -> {
            if (!SELECTOR.contentEquals(selector) || !DOMAIN.contentEquals(domain)) {
                throw new IllegalStateException("the signature names " + selector + "._domainkey." + domain);
            }
            return List.of("v=DKIM1; k=rsa; p=" + publicKeyBase64);
        });
        if (verifier.verify(new ByteArrayInputStream(signed.getBytes(StandardCharsets.US_ASCII))).size() != 1) {
            throw new IllegalStateException("the benchmark's signature does not verify");
        }
    }
}
