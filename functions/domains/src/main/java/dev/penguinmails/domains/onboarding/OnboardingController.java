package dev.penguinmails.domains.onboarding;

import static dev.penguinmails.shared.auth.Permission.DOMAINS_READ;
import static dev.penguinmails.shared.auth.Permission.DOMAINS_WRITE;
import static dev.penguinmails.shared.auth.Permission.MAILBOXES_READ;
import static dev.penguinmails.shared.auth.Permission.MAILBOXES_WRITE;

import dev.penguinmails.shared.auth.RequestAuthorization;
import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;

/** Bulk onboarding: a CSV of domains or of mailboxes becomes a job with pollable progress and a per-row report. */
@Controller("/v1/workspaces/{workspaceId}/onboarding")
@Tag(name = "Onboarding")
@SecurityRequirement(name = "bearer")
class OnboardingController {
    static final String TEXT_CSV = "text/csv";
    private static final String FILE_RULES = " The body is the CSV file itself (Content-Type text/csv, UTF-8, at most "
            + "1 MiB and 5,000 rows): a header row naming the columns, then one row per item. The whole file is checked "
            + "first (text, header, size); its rows are then added by a background job, each exactly as the single "
            + "request would add it, so broken rows are reported and the good ones still go in. Poll the job, then "
            + "read its errors.";

    private final OnboardingService service;

    OnboardingController(OnboardingService service) {
        this.service = service;
    }

    @Post("/domains")
    @Consumes(TEXT_CSV)
    @RequiresPermission(DOMAINS_WRITE)
    @Operation(operationId = "onboardDomains", summary = "Add domains from a CSV file",
            description = "Column: domain (required), one domain or subdomain per row, as POST .../domains takes it."
                    + FILE_RULES)
    @ApiResponse(responseCode = "202", description = "Queued; Location is the job")
    @ApiResponse(responseCode = "400", description = "invalid-csv: not UTF-8 CSV text, empty, no rows, or a header "
            + "naming unknown, repeated or missing columns (each under errors); nothing was queued")
    @ApiResponse(responseCode = "413", description = "More than 1 MiB or 5,000 rows")
    HttpResponse<OnboardingView.Job> domains(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                                             @Body byte[] csv,
                                             @Parameter(description = "The file's name, kept to tell jobs apart")
                                             @QueryValue("fileName") @Nullable String fileName) {
        return accepted(workspaceId, service.submit(tenant, OnboardingKind.DOMAINS, csv, fileName(fileName)));
    }

    @Post("/mailboxes")
    @Consumes(TEXT_CSV)
    @RequiresPermission(MAILBOXES_WRITE)
    @Operation(operationId = "onboardMailboxes", summary = "Connect mailboxes from a CSV file",
            description = "Columns: address (required), display_name, provider (smtp or ses), daily_limit, "
                    + "signature_html, smtp_host, smtp_port, smtp_security, smtp_username, smtp_password, imap_host, "
                    + "imap_port, imap_security, imap_username, imap_password, warmup_enabled, warmup_start_per_day, "
                    + "warmup_increase_per_day; as POST .../mailboxes takes them, with its live login test per row. "
                    + "The file is stored encrypted and deleted when the job ends; passwords are kept only sealed "
                    + "on the mailboxes." + FILE_RULES)
    @ApiResponse(responseCode = "202", description = "Queued; Location is the job")
    @ApiResponse(responseCode = "400", description = "invalid-csv: nothing was queued")
    @ApiResponse(responseCode = "413", description = "More than 1 MiB or 5,000 rows")
    HttpResponse<OnboardingView.Job> mailboxes(@PathVariable String workspaceId,
                                               @Parameter(hidden = true) TenantContext tenant, @Body byte[] csv,
                                               @Parameter(description = "The file's name, kept to tell jobs apart")
                                               @QueryValue("fileName") @Nullable String fileName) {
        return accepted(workspaceId, service.submit(tenant, OnboardingKind.MAILBOXES, csv, fileName(fileName)));
    }

    @Get("/jobs")
    @RequiresPermission(DOMAINS_READ)
    @Operation(operationId = "listOnboardingJobs", summary = "List recent onboarding jobs",
            description = "Newest first; jobs are kept 30 days.")
    Page<OnboardingView.Job> list(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                                  @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryValue("limit") @Nullable String limit,
                                  @Parameter(description = "nextCursor of the previous page") @QueryValue("cursor") @Nullable String cursor) {
        return service.list(tenant, PageRequest.of(limit, cursor)).map(OnboardingView.Job::of);
    }

    @Get("/jobs/{jobId}")
    @RequiresPermission(DOMAINS_READ)
    @Operation(operationId = "getOnboardingJob", summary = "An onboarding job's progress",
            description = "Rows read, succeeded, failed and skipped, percent and status; poll until completed or failed.")
    @ApiResponse(responseCode = "404", description = "The workspace has no such job")
    OnboardingView.Job get(@PathVariable String workspaceId, @PathVariable String jobId,
                           @Parameter(hidden = true) TenantContext tenant) {
        return OnboardingView.Job.of(readable(tenant, jobId));
    }

    @Get(value = "/jobs/{jobId}/errors", produces = {MediaType.APPLICATION_JSON, TEXT_CSV})
    @RequiresPermission(DOMAINS_READ)
    @Operation(operationId = "getOnboardingErrors", summary = "The rows of a job that failed or were skipped",
            description = "In file order, each with its row and line, the problem the single request would have "
                    + "answered and one reason per column; paged as JSON, or the whole report as a CSV download "
                    + "with format=csv (one line per reason). Rows appear as the job reaches them.")
    @ApiResponse(responseCode = "404", description = "The workspace has no such job")
    HttpResponse<?> errors(@PathVariable String workspaceId, @PathVariable String jobId,
                           @Parameter(hidden = true) TenantContext tenant,
                           @Parameter(description = "json (default) or csv") @QueryValue("format") @Nullable String format,
                           @Parameter(description = "Page size, 1 to 100 (default 25); json only") @QueryValue("limit") @Nullable String limit,
                           @Parameter(description = "nextCursor of the previous page; json only") @QueryValue("cursor") @Nullable String cursor) {
        OnboardingJob job = readable(tenant, jobId);
        if ("csv".equalsIgnoreCase(format)) {
            List<RowReport> all = Page.all(page -> service.report(tenant, job.id(), page));
            return HttpResponse.ok(ReportCsv.render(all)).contentType(TEXT_CSV)
                    .header("Content-Disposition", "attachment; filename=\"" + job.id() + "-errors.csv\"");
        }
        return HttpResponse.ok(service.report(tenant, job.id(), PageRequest.of(limit, cursor)).map(OnboardingView.Row::of))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** A mailbox job's rows name mailboxes: reading it needs mailboxes read too (an API key may lack it). */
    private OnboardingJob readable(TenantContext tenant, String jobId) {
        OnboardingJob job = service.get(tenant, jobId);
        if (job.kind() == OnboardingKind.MAILBOXES && !RequestAuthorization.allows(tenant, MAILBOXES_READ)) {
            throw ProblemException.forbidden("Reading a mailboxes job needs the mailboxes:read scope.");
        }
        return job;
    }

    private static HttpResponse<OnboardingView.Job> accepted(String workspaceId, OnboardingJob job) {
        return HttpResponse.accepted(URI.create("/v1/workspaces/" + workspaceId + "/onboarding/jobs/" + job.id()))
                .body(OnboardingView.Job.of(job));
    }

    private static String fileName(@Nullable String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        String name = fileName.strip().replaceAll("[\\p{Cntrl}\"\\\\/]", "_");
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
