package dev.penguinmails.domains.records;

import static dev.penguinmails.shared.auth.Permission.DOMAINS_READ;

import dev.penguinmails.domains.catalog.Domain;
import dev.penguinmails.domains.catalog.DomainService;
import dev.penguinmails.domains.catalog.DomainSettings;
import dev.penguinmails.domains.dmarc.DmarcRecommendation;
import dev.penguinmails.domains.verification.DomainVerifier;
import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** {@code GET .../domains/{domain}/records}: what to publish, as JSON or as a BIND zone snippet. */
@Controller("/v1/workspaces/{workspaceId}/domains/{domain}/records")
@Tag(name = "Domains")
@SecurityRequirement(name = "bearer")
class RecordsController {
    private final DomainService domains;
    private final RecordSet records;
    private final DomainVerifier verifier;
    private final DomainSettings settings;

    RecordsController(DomainService domains, RecordSet records, DomainVerifier verifier, DomainSettings settings) {
        this.domains = domains;
        this.records = records;
        this.verifier = verifier;
        this.settings = settings;
    }

    @Get(produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @RequiresPermission(DOMAINS_READ)
    @Operation(operationId = "getDomainRecords", summary = "The DNS records to publish",
            description = "SPF merged with the SPF record the domain has now (never a second one), a DKIM record per "
                    + "selector (long keys split into 255-byte strings), DMARC at p=none with reports, the bounce "
                    + "subdomain's MX and SPF, and the tracking CNAME. format=bind answers a zone-file snippet as text/plain.")
    @ApiResponse(responseCode = "404", description = "The workspace has no such domain")
    HttpResponse<?> get(@PathVariable String workspaceId, @PathVariable String domain,
                        @Parameter(hidden = true) TenantContext tenant,
                        @Parameter(description = "json (default) or bind") @QueryValue("format") @Nullable String format) {
        Domain found = domains.get(tenant, domain);
        List<PublishedRecord> published = records.of(found, verifier.lookup());
        String bind = BindZone.render(published.stream().map(PublishedRecord::record).toList(), found.name());
        if ("bind".equalsIgnoreCase(format)) {
            return HttpResponse.ok("$ORIGIN " + found.name() + ".\n" + bind).contentType(MediaType.TEXT_PLAIN_TYPE);
        }
        return HttpResponse.ok(new RecordsView(found.name(), published, bind, DmarcRecommendation.rollout().stream()
                .map(step -> RecordsView.Rollout.of(step, settings.dmarcReports())).toList()))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
