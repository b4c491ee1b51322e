package dev.penguinmails.billing.catalog;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.stripe.exception.StripeException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;

/**
 * The scheduled Lambda (topology: {@code sync-catalog}, daily) that runs the {@link CatalogSync}.
 */
public class CatalogSyncJob extends MicronautRequestHandler<ScheduledEvent, CatalogSync.Report> {
    public CatalogSyncJob() { }

    public CatalogSyncJob(ApplicationContext context) {
        super(context);
    }

    @Override
    public CatalogSync.Report execute(ScheduledEvent event) {
        try {
            return applicationContext.getBean(CatalogSync.class).sync();
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe refused the catalog sync: " + e.getMessage(), e);
        }
    }
}
