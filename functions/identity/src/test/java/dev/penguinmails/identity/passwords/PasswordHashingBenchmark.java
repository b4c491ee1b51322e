package dev.penguinmails.identity.passwords;

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
 * The cost that dominates a login: Argon2id with the production parameters (64 MiB, 3 passes, 1 lane,
 * as application.properties sets them). {@code verify} is a login with the right or wrong password;
 * {@code unknownAddress} is what a login for an address without an account spends instead, which must
 * cost about the same. A benchmark, not a test: see docs/benchmarks/identity.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class PasswordHashingBenchmark {
    private static final String PASSWORD = "violet-tractor-sings-Quarterly-42";

    private PasswordHasher hasher;
    private String stored;

    @Setup
    public void setUp() {
        hasher = new PasswordHasher(65_536, 3, 1);
        stored = hasher.hash(PASSWORD);
    }

    @Benchmark
    public boolean verify() {
        return hasher.matches(PASSWORD, stored);
    }

    @Benchmark
    public void unknownAddress() {
        hasher.burnEquivalentTime(PASSWORD);
    }
}
