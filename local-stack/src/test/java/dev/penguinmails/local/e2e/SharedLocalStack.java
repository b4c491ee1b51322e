package dev.penguinmails.local.e2e;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs an end-to-end class on the one whole local stack (every family's real jar, on the test JVM's shared
 * emulators) that all classes so annotated share, instead of starting a stack of its own: a stack costs
 * seconds to start and every function's first call is a cold start, paid once per stack (decision 0060).
 * The stack starts with the first such class and stops when the test run ends.
 * <p>
 * Sharing is safe for tests that work in accounts and workspaces they sign up themselves (see
 * {@link StackAccounts}) and leave the stack itself as they found it. A test that pauses pollers, stops parts or
 * needs a fresh function (a cold start) starts its own stack instead. Usage:
 * <pre>{@code
 * @SharedLocalStack
 * class CampaignEndToEndTest {
 *     private static LocalStack stack;
 *     private static StackAccounts accounts;
 *
 *     @BeforeAll
 *     static void start(LocalStack shared, StackAccounts sharedAccounts) {
 *         stack = shared;
 *         accounts = sharedAccounts;
 *     }
 * }
 * }</pre>
 * It also tags the class {@code integration} and {@code stack} (docs/testing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("integration")
@Tag("stack")
@ExtendWith(SharedLocalStackExtension.class)
public @interface SharedLocalStack {
}
