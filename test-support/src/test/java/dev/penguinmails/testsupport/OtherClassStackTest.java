package dev.penguinmails.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.emulators.ProvisionedStack;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A second extended class, to show that each class gets a stack of its own. */
@LocalAwsTest
@Tag("integration")
class OtherClassStackTest {
    private final ProvisionedStack stack;

    OtherClassStackTest(ProvisionedStack stack) {
        this.stack = stack;
    }

    @Test
    void aConstructorCanTakeTheStack(ProvisionedStack same) {
        assertThat(same).isSameAs(stack);
        assertThat(stack.namePrefix()).matches("t\\d+-");
        assertThat(stack.eventBus()).isEqualTo(stack.namePrefix() + "penguinmails");
    }
}
