package dev.penguinmails.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.emulators.LocalAws;
import dev.penguinmails.emulators.ProvisionedStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@LocalAwsTest
@Tag("integration")
class LocalAwsExtensionTest {
    private static ProvisionedStack fromBeforeAll;

    @BeforeAll
    static void remember(ProvisionedStack stack) {
        fromBeforeAll = stack;
    }

    @Test
    void resolvesTheSharedLocalAwsAndTheClassStack(LocalAws aws, ProvisionedStack stack, Mailbox mailbox) {
        assertThat(aws).isSameAs(TestAws.shared());
        assertThat(stack).isSameAs(fromBeforeAll);
        assertThat(mailbox).isNotNull();
        // The stack is really provisioned on that LocalAws.
        assertThat(aws.clients().dynamoDb().listTables().tableNames()).contains(stack.tableName("identity"));
    }

    @Test
    void everyMethodOfTheClassGetsTheSameStack(ProvisionedStack stack) {
        assertThat(stack).isSameAs(fromBeforeAll);
    }

    @Nested
    class Inner {
        @Test
        void nestedClassesShareTheOuterClassStack(ProvisionedStack stack) {
            assertThat(stack).isSameAs(fromBeforeAll);
        }
    }
}
