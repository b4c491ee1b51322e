package dev.penguinmails.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration test class that runs against the local AWS: its constructor, lifecycle and
 * test methods may take {@code LocalAws}, {@code ProvisionedStack} (one per class) and {@link Mailbox}
 * parameters. Tagged {@code integration}, so {@code -DexcludedGroups=integration} skips such classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("integration")
@ExtendWith(LocalAwsExtension.class)
public @interface LocalAwsTest {
}
