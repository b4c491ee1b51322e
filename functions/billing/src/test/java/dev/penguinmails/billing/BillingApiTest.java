package dev.penguinmails.billing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

/** A billing API test class over a {@link BillingApiTestStack} of its own: one stack and one Stripe stand-in per class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
public abstract class BillingApiTest implements TestPropertyProvider {
    protected final BillingApiTestStack billing;

    @Inject
    protected ApplicationContext context;
    @Inject
    protected EmbeddedServer server;

    protected BillingApiTest() {
        this(BillingApiTestStack.start());
    }

    protected BillingApiTest(BillingApiTestStack billing) {
        this.billing = billing;
    }

    @Override
    public Map<String, String> getProperties() {
        return billing.properties();
    }

    @BeforeAll
    void attach() {
        billing.attach(context, server);
    }

    @AfterAll
    void close() {
        billing.close();
    }
}
