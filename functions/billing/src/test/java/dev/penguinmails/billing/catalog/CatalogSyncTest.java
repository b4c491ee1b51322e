package dev.penguinmails.billing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.model.Price;
import com.stripe.param.PriceListParams;
import dev.penguinmails.billing.stripe.StripeGateway;
import dev.penguinmails.billing.usage.UsageStackTest;
import dev.penguinmails.emulators.stripe.StripeStandIn;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The catalog sync against the Stripe stand-in: prices are created by lookup key, a second run changes nothing, and a
 * new amount makes a new price that takes the lookup key over while the old one is retired. Each test uses its own
 * stand-in, since the sync's effects are the whole Stripe account's.
 */
@MicronautTest
@Tag("integration")
class CatalogSyncTest extends UsageStackTest {
    @Inject
    StripeClient stripe;
    @Inject
    StripeGateway gateway;
    @Inject
    CatalogSync sync;

    /** A catalog like the real one with Starter at another monthly price, as after a price change in code. */
    private static PlanCatalog starterAt(long monthlyCents) {
        return new PlanCatalog() {
            @Override
            public List<Plan> plans() {
                return super.plans().stream().map(p -> !p.id().equals("starter") ? p
                        : new Plan(p.id(), p.name(), p.rank(), p.limits(), p.trialDays(),
                                Map.of(Interval.MONTHLY, monthlyCents, Interval.YEARLY, p.pricesInCents().get(Interval.YEARLY))))
                        .toList();
            }
        };
    }

    private List<Price> pricesWithKey(String lookupKey) throws Exception {
        return stripe.v1().prices().list(PriceListParams.builder().addLookupKey(lookupKey).build()).getData();
    }

    @Test
    void createsEveryPriceOnceThenChangesNothingThenReplacesAChangedAmount() throws Exception {
        CatalogSync.Report first = sync.sync();

        assertThat(first.created()).containsExactlyInAnyOrder(
                "penguinmails_starter_monthly", "penguinmails_starter_yearly",
                "penguinmails_growth_monthly", "penguinmails_growth_yearly",
                "penguinmails_agency_monthly", "penguinmails_agency_yearly",
                "penguinmails_addon_extra_mailbox_monthly", "penguinmails_addon_extra_mailbox_yearly");
        assertThat(first.unchanged()).isEmpty();
        Price growth = gateway.priceByLookupKey("penguinmails_growth_monthly").orElseThrow();
        assertThat(growth.getUnitAmount()).isEqualTo(12_900L);
        assertThat(growth.getCurrency()).isEqualTo("usd");
        assertThat(growth.getRecurring().getInterval()).isEqualTo("month");
        assertThat(growth.getProduct()).isEqualTo("penguinmails_growth");
        assertThat(gateway.priceByLookupKey("penguinmails_agency_yearly").orElseThrow().getRecurring().getInterval()).isEqualTo("year");
        assertThat(gateway.existingProducts(List.of("penguinmails_addon_extra_mailbox"))).containsExactly("penguinmails_addon_extra_mailbox");
        long writes = writes(stack.stripe());
        int calls = stack.stripe().requests().size();

        CatalogSync.Report second = sync.sync();

        assertThat(second.created()).isEmpty();
        assertThat(second.unchanged()).hasSize(8);
        assertThat(writes(stack.stripe())).as("POSTs to Stripe on the second run").isEqualTo(writes);
        assertThat(stack.stripe().requests()).as("a catalog in place is read in one list of products and one of prices")
                .hasSize(calls + 2);
        assertThat(pricesWithKey("penguinmails_growth_monthly")).hasSize(1);

        String oldStarter = gateway.priceByLookupKey("penguinmails_starter_monthly").orElseThrow().getId();
        CatalogSync.Report changed = new CatalogSync(starterAt(4_900L), gateway).sync();

        assertThat(changed.created()).containsExactly("penguinmails_starter_monthly");
        Price newStarter = gateway.priceByLookupKey("penguinmails_starter_monthly").orElseThrow();
        assertThat(newStarter.getId()).isNotEqualTo(oldStarter);
        assertThat(newStarter.getUnitAmount()).isEqualTo(4_900L);
        Price retired = stripe.v1().prices().retrieve(oldStarter);
        assertThat(retired.getActive()).isFalse();
        assertThat(retired.getLookupKey()).isNull();
        assertThat(pricesWithKey("penguinmails_starter_monthly")).extracting(Price::getId).containsExactly(newStarter.getId());

        // Changing the amount back brings a price at the first amount again, under the lookup key.
        CatalogSync.Report back = new CatalogSync(starterAt(3_900L), gateway).sync();

        assertThat(back.created()).containsExactly("penguinmails_starter_monthly");
        Price restored = gateway.priceByLookupKey("penguinmails_starter_monthly")
                .orElseThrow(() -> new AssertionError("no active price has the lookup key after changing the amount back"));
        assertThat(restored.getUnitAmount()).isEqualTo(3_900L);
        assertThat(restored.getId()).isNotIn(oldStarter, newStarter.getId());
        assertThat(new CatalogSync(starterAt(3_900L), gateway).sync().created()).isEmpty();
    }

    private static long writes(StripeStandIn standIn) {
        return standIn.requests().stream().filter(r -> !"GET".equals(r.method())).count();
    }
}
