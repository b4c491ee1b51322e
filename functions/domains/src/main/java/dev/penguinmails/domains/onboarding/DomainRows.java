package dev.penguinmails.domains.onboarding;

import dev.penguinmails.domains.catalog.DomainProblems;
import dev.penguinmails.domains.catalog.DomainRequests;
import dev.penguinmails.domains.catalog.DomainService;
import dev.penguinmails.domains.catalog.DomainSettings;
import dev.penguinmails.domains.names.DomainName;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.util.Optional;

/** Rows of a domains file: {@code domain}, added as {@code POST .../domains} adds it. */
@Singleton
class DomainRows implements RowImporter {
    private final DomainService domains;
    private final DomainSettings settings;
    private final Validator validator;

    DomainRows(DomainService domains, DomainSettings settings, Validator validator) {
        this.domains = domains;
        this.settings = settings;
        this.validator = validator;
    }

    @Override
    public Columns columns() {
        return Columns.DOMAINS;
    }

    @Override
    public Optional<String> key(CsvFile.CsvRow row) {
        return Optional.ofNullable(row.value("domain"))
                .flatMap(name -> DomainName.parse(name, settings.privateSuffixes()).name()).map(DomainName::ascii);
    }

    @Override
    public RowOutcome apply(TenantContext tenant, CsvFile.CsvRow row) {
        DomainRequests.Add request = new DomainRequests.Add(row.value("domain"));
        Optional<RowOutcome> invalid = RowImporter.invalid(validator, request, columns());
        if (invalid.isPresent()) {
            return invalid.get();
        }
        try {
            domains.add(tenant, request.name());
            return RowOutcome.succeeded();
        } catch (ProblemException problem) {
            // The name is in the workspace already: what the row asks for is there (also when a slice is re-run).
            if (problem.type().equals(DomainProblems.DOMAIN_EXISTS)) {
                return RowOutcome.skipped(problem.type().slug(), "domain", problem.detail());
            }
            return RowImporter.failed(problem, columns());
        }
    }
}
