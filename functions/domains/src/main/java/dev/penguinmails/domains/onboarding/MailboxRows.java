package dev.penguinmails.domains.onboarding;

import dev.penguinmails.domains.mailboxes.Mailbox;
import dev.penguinmails.domains.mailboxes.MailboxAddresses;
import dev.penguinmails.domains.mailboxes.MailboxIds;
import dev.penguinmails.domains.mailboxes.MailboxProblems;
import dev.penguinmails.domains.mailboxes.MailboxRequests;
import dev.penguinmails.domains.mailboxes.MailboxService;
import dev.penguinmails.domains.mailboxes.ServerLogin;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Rows of a mailboxes file, connected as {@code POST .../mailboxes} connects one: the same validation, the address
 * on one of the workspace's domains, and for smtp a live login to both servers before anything is kept. The
 * passwords go from the row to the sealed mailbox and nowhere else.
 */
@Singleton
class MailboxRows implements RowImporter {
    private final MailboxService mailboxes;
    private final MailboxAddresses addresses;
    private final Validator validator;

    MailboxRows(MailboxService mailboxes, MailboxAddresses addresses, Validator validator) {
        this.mailboxes = mailboxes;
        this.addresses = addresses;
        this.validator = validator;
    }

    @Override
    public Columns columns() {
        return Columns.MAILBOXES;
    }

    @Override
    public Optional<String> key(CsvFile.CsvRow row) {
        return Optional.ofNullable(row.value("address")).flatMap(this::address);
    }

    @Override
    public RowOutcome apply(TenantContext tenant, CsvFile.CsvRow row) {
        List<RowOutcome.ColumnError> unreadable = new ArrayList<>();
        MailboxRequests.Connect request = request(row, unreadable);
        if (!unreadable.isEmpty()) {
            return RowOutcome.failed("validation-failed", unreadable);
        }
        Optional<RowOutcome> invalid = RowImporter.invalid(validator, request, columns());
        if (invalid.isPresent()) {
            return invalid.get();
        }
        try {
            mailboxes.connect(tenant, request);
            return RowOutcome.succeeded();
        } catch (ProblemException problem) {
            if (problem.type().equals(MailboxProblems.MAILBOX_EXISTS)) {
                return existing(tenant, request, problem);
            }
            return RowImporter.failed(problem, columns());
        }
    }

    /** A mailbox with these settings is there already (also when a slice is re-run): skipped; other settings: failed. */
    private RowOutcome existing(TenantContext tenant, MailboxRequests.Connect request, ProblemException exists) {
        String address = address(request.address()).orElseThrow();
        Mailbox current = mailboxes.get(tenant, MailboxIds.of(tenant.workspaceId(), address));
        if (sameSettings(current, request)) {
            return RowOutcome.skipped(exists.type().slug(), "address",
                    "The workspace has " + address + " already, with these settings (" + current.id() + ").");
        }
        return RowImporter.failed(exists, columns());
    }

    private static boolean sameSettings(Mailbox current, MailboxRequests.Connect request) {
        Mailbox.Provider provider = "ses".equals(request.provider()) ? Mailbox.Provider.SES : Mailbox.Provider.SMTP;
        return current.provider() == provider
                && Objects.equals(current.displayName(), blankToNull(request.displayName()))
                && (request.dailyLimit() == null || request.dailyLimit() == current.dailyLimit())
                && sameServer(current.smtp(), request.smtp(), current.address())
                && sameServer(current.imap(), request.imap(), current.address());
    }

    /** Host, port, security and user name; the password is sealed and not compared. */
    private static boolean sameServer(ServerLogin login, MailboxRequests.Server server, String address) {
        if (login == null || server == null) {
            return login == null && server == null;
        }
        String username = server.username() == null || server.username().isBlank() ? address : server.username().strip();
        return login.host().equals(server.host().strip().toLowerCase(Locale.ROOT)) && login.port() == server.port()
                && login.security().wire().equals(server.security()) && login.username().equals(username);
    }

    private MailboxRequests.Connect request(CsvFile.CsvRow row, List<RowOutcome.ColumnError> unreadable) {
        return new MailboxRequests.Connect(row.value("address"), row.value("display_name"),
                row.value("provider") == null ? null : row.value("provider").toLowerCase(Locale.ROOT),
                server(row, "smtp", unreadable), server(row, "imap", unreadable),
                number(row, "daily_limit", unreadable), ramp(row, unreadable), row.value("signature_html"));
    }

    private static MailboxRequests.Server server(CsvFile.CsvRow row, String prefix, List<RowOutcome.ColumnError> unreadable) {
        List<String> columns = List.of("_host", "_port", "_security", "_username", "_password");
        if (columns.stream().noneMatch(c -> row.value(prefix + c) != null)) {
            return null;
        }
        String security = row.value(prefix + "_security");
        return new MailboxRequests.Server(row.value(prefix + "_host"), number(row, prefix + "_port", unreadable),
                security == null ? null : security.toLowerCase(Locale.ROOT), row.value(prefix + "_username"),
                row.value(prefix + "_password"));
    }

    private static MailboxRequests.Ramp ramp(CsvFile.CsvRow row, List<RowOutcome.ColumnError> unreadable) {
        if (row.value("warmup_enabled") == null && row.value("warmup_start_per_day") == null
                && row.value("warmup_increase_per_day") == null) {
            return null;
        }
        return new MailboxRequests.Ramp(bool(row, "warmup_enabled", unreadable),
                number(row, "warmup_start_per_day", unreadable), number(row, "warmup_increase_per_day", unreadable));
    }

    private static Integer number(CsvFile.CsvRow row, String column, List<RowOutcome.ColumnError> unreadable) {
        String value = row.value(column);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            unreadable.add(new RowOutcome.ColumnError(column, "must be a whole number"));
            return null;
        }
    }

    private static Boolean bool(CsvFile.CsvRow row, String column, List<RowOutcome.ColumnError> unreadable) {
        String value = row.value(column);
        if (value == null) {
            return null;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> {
                return true;
            }
            case "false", "no", "0" -> {
                return false;
            }
            default -> {
                unreadable.add(new RowOutcome.ColumnError(column, "must be true or false"));
                return null;
            }
        }
    }

    private Optional<String> address(String input) {
        try {
            return Optional.of(addresses.parse(input).value());
        } catch (ProblemException unreadable) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
