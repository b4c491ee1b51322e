package dev.penguinmails.identity.sessions;

import dev.penguinmails.identity.accesstokens.AccessTokenClaims;
import dev.penguinmails.identity.accesstokens.AccessTokens;
import dev.penguinmails.identity.accesstokens.SigningKeys;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
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
 * How many access tokens one thread verifies (and signs) per second: the ES256 check every request of
 * every function makes (shared/auth AccessTokens, verifier built from the public JWK Set only, as in
 * functions other than identity). A benchmark, not a test: see docs/benchmarks/identity.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class AccessTokenBenchmark {
    private AccessTokens signer;
    private AccessTokens verifier;
    private AccessTokenClaims claims;
    private String token;

    @Setup
    public void setUp() {
        String key = SigningKeys.generate("bench");
        signer = AccessTokens.signer(key, null);
        verifier = AccessTokens.verifier(SigningKeys.publicKeySet(key));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Valid for the whole run; verification cost does not depend on the remaining lifetime.
        claims = new AccessTokenClaims("usr_01JD5Q2X7V4G0ZK3M8N6P9R2TS", "ses_01JD5Q2X7V4G0ZK3M8N6P9R2TS", true,
                "at_01JD5Q2X7V4G0ZK3M8N6P9R2TS", now, now.plusSeconds(3600));
        token = signer.sign(claims);
    }

    @Benchmark
    public AccessTokenClaims verify() {
        return verifier.verify(token);
    }

    @Benchmark
    public String sign() {
        return signer.sign(claims);
    }
}
