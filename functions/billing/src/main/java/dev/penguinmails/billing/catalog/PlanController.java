package dev.penguinmails.billing.catalog;

import dev.penguinmails.shared.auth.PublicEndpoint;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** {@code GET /v1/billing/plans}: the public price list, which the pricing page and the app's plan picker show. */
@Controller("/v1/billing/plans")
@Tag(name = "Billing")
class PlanController {
    private final PlanCatalog catalog;

    PlanController(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    @Get
    @PublicEndpoint
    @Operation(operationId = "listPlans", summary = "List plans and add-ons",
            description = "Every plan with its limits, trial length and monthly and yearly prices in US cents, and the add-ons.")
    @ApiResponse(responseCode = "200", description = "The plans and add-ons",
            content = @Content(schema = @Schema(implementation = Catalog.class)))
    // Public and read-only, so the only client error is the API's throttle, which answers before billing runs.
    @ApiResponse(responseCode = "429", description = "Too many requests: the API's throttle; try again shortly")
    Catalog list() {
        return new Catalog(PlanCatalog.CURRENCY, catalog.plans(), catalog.addOns());
    }

    /** The price list; every amount is in {@code currency}'s smallest unit. */
    @Serdeable
    record Catalog(String currency, List<Plan> plans, List<AddOn> addOns) { }
}
