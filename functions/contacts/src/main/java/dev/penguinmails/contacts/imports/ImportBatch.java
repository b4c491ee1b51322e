package dev.penguinmails.contacts.imports;

import dev.penguinmails.contacts.catalog.ContactBatches;
import dev.penguinmails.contacts.catalog.ContactService;
import dev.penguinmails.contacts.catalog.ContactStore;
import dev.penguinmails.contacts.model.Contact;
import dev.penguinmails.contacts.model.ContactFields;
import dev.penguinmails.contacts.model.ContactInput;
import dev.penguinmails.contacts.model.CustomValue;
import dev.penguinmails.contacts.model.EmailAddress;
import dev.penguinmails.contacts.model.FieldDefinition;
import dev.penguinmails.contacts.mx.MailDomains;
import dev.penguinmails.contacts.plans.ContactLimit;
import dev.penguinmails.contacts.settings.ContactSettings;
import dev.penguinmails.contacts.suppression.SuppressionCheck;
import dev.penguinmails.events.contacts.ImportCounts;
import dev.penguinmails.shared.concurrent.DaemonPool;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Plans and writes one batch of rows. Planning decides each row's outcome (reads, the suppression check, and the
 * address claims, which are idempotent for the row's own contact id); writing creates the new contacts in one
 * batch, updates existing ones through the single-contact path (its events included) and keeps the report lines.
 * Every write can be repeated: a batch written again after a crash creates nothing twice.
 */
@Singleton
class ImportBatch {
    /** Address claims of a batch in flight at once. */
    static final int CLAIM_CONCURRENCY = 8;

    private final ContactStore contacts;
    private final ContactBatches batches;
    private final ContactService service;
    private final SuppressionCheck suppression;
    private final ContactSettings contactSettings;
    private final MailDomains mailDomains;
    private final FileAddresses addresses;
    private final ContactLimit limit;
    private final DaemonPool claimPool = new DaemonPool("import-claims", CLAIM_CONCURRENCY);

    ImportBatch(ContactStore contacts, ContactBatches batches, ContactService service, SuppressionCheck suppression,
                ContactSettings contactSettings, MailDomains mailDomains, FileAddresses addresses, ContactLimit limit) {
        this.limit = limit;
        this.contacts = contacts;
        this.batches = batches;
        this.service = service;
        this.suppression = suppression;
        this.contactSettings = contactSettings;
        this.mailDomains = mailDomains;
        this.addresses = addresses;
    }

    /** What a batch will do, and what it counts. */
    static final class Plan {
        final List<Contact> creates = new ArrayList<>();
        /** The row of each of {@link #creates}. */
        final List<SourceRow> createRows = new ArrayList<>();
        /**
         * Which of {@link #creates} a run of this batch before a crash wrote already (they hold their place): the
         * contact as stored, empty if deleted since.
         */
        Map<String, Optional<Contact>> written = Map.of();
        /** The batch as the contact counter notes the places it took (decision 0061); null until it took some. */
        String placesNote;
        final Map<String, ContactInput> updates = new LinkedHashMap<>();
        final List<ImportStore.ReportLine> lines = new ArrayList<>();
        /** The contacts of the accepted rows, for the list the import fills (decision 0041). */
        final List<String> members = new ArrayList<>();
        long read;
        long created;
        long updated;
        long skipped;
        long failed;

        ImportCounts counts() {
            return new ImportCounts(read, created, updated, skipped, failed);
        }
    }

    /** The rows of a contact import whose file has {@code header}, mapped onto the contact's fields. */
    ImportRows open(TenantContext tenant, ImportStore store, ContactImport imp, List<String> header,
                    Map<String, FieldDefinition> definitions) {
        ColumnMapping mapping = ColumnMapping.of(header, imp.mapping(), definitions);
        return new ImportRows() {
            @Override
            public Map<String, String> columns() {
                return mapping.applied();
            }

            @Override
            public List<String> ignored() {
                return mapping.ignored();
            }

            @Override
            public Optional<String> seenKey(SourceRow row) {
                return Optional.empty(); // the rows before the checkpoint noted their addresses in FileAddresses
            }

            @Override
            public PlannedBatch plan(List<SourceRow> rows, Map<String, Long> unused) {
                // In-file dedupe through the import's own address items (decision 0042): memory holds one batch.
                List<ParsedRow> parsed = rows.stream().map(r -> ImportBatch.parse(mapping, r)).toList();
                List<String> keys = parsed.stream().map(ParsedRow::seenKey).flatMap(Optional::stream).toList();
                Map<String, Long> seen = new HashMap<>(addresses.firstRows(tenant, imp.id(), keys));
                Map<String, Long> known = Map.copyOf(seen);
                Plan plan = ImportBatch.this.plan(tenant, imp, mapping, parsed, definitions, seen);
                Map<String, Long> firsts = new HashMap<>(seen);
                firsts.keySet().removeAll(known.keySet());
                return new PlannedBatch() {
                    @Override
                    public ImportCounts counts() {
                        return plan.counts();
                    }

                    @Override
                    public void write(Instant reportExpiresAt) {
                        addresses.note(tenant, imp.id(), firsts, reportExpiresAt);
                        ImportBatch.this.write(tenant, store, imp, plan, reportExpiresAt);
                    }

                    @Override
                    public boolean announce() {
                        return ImportBatch.this.announce(tenant, imp, plan);
                    }

                    @Override
                    public List<String> members() {
                        return plan.members;
                    }
                };
            }
        };
    }

    /**
     * The plan of {@code rows}; {@code seen} (address → the row that first had it) grows with the rows planned. A row
     * that finds its own row there (a batch planned again after a crash) is the first of its address.
     */
    Plan plan(TenantContext tenant, ContactImport imp, ColumnMapping mapping, List<ParsedRow> rows,
              Map<String, FieldDefinition> definitions, Map<String, Long> seen) {
        Plan plan = new Plan();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // The batch's suppression entries and address claims in a few BatchGetItem calls, not two reads per row.
        List<EmailAddress> emails = rows.stream().map(ParsedRow::email).filter(Objects::nonNull).toList();
        Map<String, List<SuppressionCheck.Match>> suppressed = suppression.matchesAll(tenant, emails);
        Map<String, Map<String, AttributeValue>> claims = contacts.claims(tenant,
                emails.stream().map(EmailAddress::address).toList());
        BatchReads reads = new BatchReads(suppressed, claims);
        List<ParsedRow> claiming = new ArrayList<>();
        List<Contact> candidates = new ArrayList<>();
        for (ParsedRow row : rows) {
            plan.read++;
            prepareRow(tenant, imp, mapping, row, definitions, seen, reads, plan, now).ifPresent(contact -> {
                claiming.add(row);
                candidates.add(contact);
            });
        }
        // Each new address is one conditional write (exactness, decision 0033): they overlap, then rows finish in order.
        List<Optional<String>> holders = claimAll(tenant, candidates, reads.claims());
        for (int i = 0; i < candidates.size(); i++) {
            finishRow(tenant, imp, mapping, claiming.get(i).row(), candidates.get(i), holders.get(i), definitions, plan, now);
        }
        keepToPlan(tenant, imp.id() + ":" + rows.get(0).row().index(), mapping, plan);
        return plan;
    }

    /**
     * Takes the places of the batch's new contacts in the workspace's plan (decision 0061); the rows past the places
     * free are not created (their claims go) and say so in the report. A contact a crashed run wrote already holds its
     * place, and the places a crashed run took are found again under {@code batch}, not taken twice.
     */
    private void keepToPlan(TenantContext tenant, String batch, ColumnMapping mapping, Plan plan) {
        if (plan.creates.isEmpty()) {
            return;
        }
        plan.written = batches.existing(tenant, plan.creates.stream().map(Contact::id).toList());
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < plan.creates.size(); i++) {
            if (!plan.written.containsKey(plan.creates.get(i).id())) {
                fresh.add(i);
            }
        }
        int granted = 0;
        if (!fresh.isEmpty()) {
            granted = limit.takeForBatch(tenant, batch, fresh.size(), plan.written.size());
            plan.placesNote = batch;
        }
        if (granted == fresh.size()) {
            return;
        }
        String reason = limit.importReason(tenant);
        List<Integer> refused = fresh.subList(granted, fresh.size());
        for (int i = refused.size() - 1; i >= 0; i--) {
            int index = refused.get(i);
            Contact contact = plan.creates.remove(index);
            SourceRow row = plan.createRows.remove(index);
            contacts.release(tenant, contact.email(), contact.id());
            plan.members.remove(contact.id());
            plan.created--;
            plan.skipped++;
            line(plan, row, mapping.column("email"), reason);
        }
    }

    /** The claim of each candidate's address for it, several in flight at once; see {@link ContactStore#claim}. */
    private List<Optional<String>> claimAll(TenantContext tenant, List<Contact> candidates,
                                            Map<String, Map<String, AttributeValue>> read) {
        if (candidates.size() <= 1) {
            return candidates.stream().map(c -> contacts.claim(tenant, c.email(), c.id(), read.get(c.email()))).toList();
        }
        List<CompletableFuture<Optional<String>>> claims = candidates.stream()
                .map(c -> CompletableFuture.supplyAsync(() -> contacts.claim(tenant, c.email(), c.id(), read.get(c.email())),
                        claimPool.get()))
                .toList();
        try {
            return claims.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            // Claims are idempotent for the row's own contact id: the batch planned again finds those that went in.
            claims.forEach(f -> f.handle((v, t) -> null).join());
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * Plans a row up to its address claim: decides (and counts) the rows that go no further, and returns the new
     * contact of a row whose address is to be claimed.
     */
    private Optional<Contact> prepareRow(TenantContext tenant, ContactImport imp, ColumnMapping mapping, ParsedRow parsed,
                                         Map<String, FieldDefinition> definitions, Map<String, Long> seen,
                                         BatchReads reads, Plan plan, Instant now) {
        SourceRow row = parsed.row();
        if (!row.problems().isEmpty()) {
            row.problems().forEach(p -> line(plan, row, "", "the row " + p));
            plan.failed++;
            return Optional.empty();
        }
        ContactInput input = parsed.input();
        Optional<EmailAddress> email = Optional.ofNullable(parsed.email());
        if (email.isEmpty()) {
            line(plan, row, mapping.column("email"), input.email() == null
                    ? "is empty; every row needs an email address" : reasonOf(input.email()));
            plan.failed++;
            return Optional.empty();
        }
        Long first = seen.putIfAbsent(email.get().key(), row.row());
        if (first != null && first < row.row()) {
            line(plan, row, mapping.column("email"), "repeats the address of row " + first + "; the first row of an "
                    + "address is imported");
            plan.skipped++;
            return Optional.empty();
        }
        List<SuppressionCheck.Match> matches = reads.suppressed().getOrDefault(email.get().key(), List.of());
        if (!matches.isEmpty()) {
            line(plan, row, mapping.column("email"), suppressed(matches.get(0)));
            plan.skipped++;
            return Optional.empty();
        }
        Optional<String> noMail = imp.checkMx() ? noMail(email.get().domain()) : Optional.empty();
        if (noMail.isPresent()) {
            line(plan, row, mapping.column("email"), noMail.get());
            plan.failed++;
            return Optional.empty();
        }
        Contact contact;
        try {
            contact = ContactFields.create(tenant.workspaceId(), ImportIds.contactId(imp.id(), imp.createdAt(),
                    row.index()), input, email.get(), definitions, contactSettings, now);
        } catch (ProblemException invalid) {
            for (FieldError error : invalid.errors()) {
                line(plan, row, mapping.column(error.field()), error.message());
            }
            plan.failed++;
            return Optional.empty();
        }
        return Optional.of(contact);
    }

    /** Plans the rest of a row whose address claim answered {@code holder} (empty: the row's contact has it). */
    private void finishRow(TenantContext tenant, ContactImport imp, ColumnMapping mapping, SourceRow row, Contact contact,
                           Optional<String> holder, Map<String, FieldDefinition> definitions, Plan plan, Instant now) {
        if (holder.isEmpty()) {
            plan.members.add(contact.id());
            plan.creates.add(contact);
            plan.createRows.add(row);
            plan.created++;
            return;
        }
        if (imp.dedupe() == DedupeMode.SKIP) {
            plan.members.add(holder.get());
            line(plan, row, mapping.column("email"), "the workspace has this address already (contact " + holder.get()
                    + "); dedupe mode skip leaves it as it is");
            plan.skipped++;
            return;
        }
        Optional<Contact> existing = contacts.get(tenant, holder.get());
        if (existing.isEmpty()) {
            line(plan, row, mapping.column("email"), "another request is adding this address right now; import the row "
                    + "again");
            plan.failed++;
            return;
        }
        plan.members.add(holder.get());
        ContactInput change = change(imp.dedupe(), existing.get(), contact);
        Contact next = ContactFields.update(existing.get(), change, definitions, contactSettings, now);
        if (sameFields(existing.get(), next)) {
            plan.skipped++;
            return;
        }
        plan.updates.put(holder.get(), change);
        plan.updated++;
    }

    /** Writes the plan: contacts not written yet, updates, report lines. */
    void write(TenantContext tenant, ImportStore store, ContactImport imp, Plan plan, Instant reportExpiresAt) {
        if (!plan.creates.isEmpty()) {
            List<Contact> missing = plan.creates.stream().filter(c -> !plan.written.containsKey(c.id())).toList();
            if (!missing.isEmpty()) {
                batches.createAll(tenant, missing);
            }
        }
        if (plan.placesNote != null) {
            // Every contact that took a place is written: a replay finds them written and takes nothing for them.
            limit.forgetBatch(tenant, plan.placesNote);
        }
        plan.updates.forEach((id, change) -> update(tenant, id, change));
        if (!plan.lines.isEmpty()) {
            store.report(tenant, imp.id(), plan.lines, reportExpiresAt);
        }
    }

    /**
     * Announces every contact the plan creates, those a run before a crash wrote included (as stored now, if not
     * deleted since): the worker calls this until it has recorded the batch announced, and the event ids are the same
     * each time (decision 0080).
     */
    boolean announce(TenantContext tenant, ContactImport imp, Plan plan) {
        List<ContactBatches.Created> created = new ArrayList<>(plan.creates.size());
        for (int i = 0; i < plan.creates.size(); i++) {
            Contact planned = plan.creates.get(i);
            Contact contact = plan.written.getOrDefault(planned.id(), Optional.empty()).orElse(planned);
            created.add(new ContactBatches.Created(contact,
                    ImportIds.createdEventId(imp.id(), imp.createdAt(), plan.createRows.get(i).index())));
        }
        batches.announce(tenant, created);
        return !created.isEmpty();
    }

    /** The single-contact update (its events, its version check); a contact changed meanwhile is read again. */
    private void update(TenantContext tenant, String id, ContactInput change) {
        for (int attempt = 1; ; attempt++) {
            try {
                service.update(tenant, id, change);
                return;
            } catch (ProblemException e) {
                if (e.status() != 409 || attempt == 3) {
                    if (e.status() == 404) {
                        return; // deleted meanwhile: nothing left to update
                    }
                    throw e;
                }
            }
        }
    }

    /** What the row changes: in {@code update} mode the contact's empty fields, in {@code overwrite} all it gives. */
    static ContactInput change(DedupeMode mode, Contact current, Contact row) {
        boolean all = mode == DedupeMode.OVERWRITE;
        Map<String, Object> custom = new HashMap<>();
        row.customFields().forEach((name, value) -> {
            if (all || !current.customFields().containsKey(name)) {
                custom.put(name, value.json());
            }
        });
        List<String> tags = row.tags().isEmpty() || !all && !current.tags().isEmpty() ? null : row.tags();
        return new ContactInput(null, pick(all, current.firstName(), row.firstName()),
                pick(all, current.lastName(), row.lastName()), pick(all, current.company(), row.company()),
                pick(all, current.title(), row.title()), pick(all, current.phone(), row.phone()),
                pick(all, current.timezone(), row.timezone()), tags, custom.isEmpty() ? null : custom, null, null);
    }

    private static String pick(boolean all, String current, String given) {
        if (given == null) {
            return null;
        }
        return all || current == null ? given : null;
    }

    private static boolean sameFields(Contact a, Contact b) {
        return Objects.equals(a.firstName(), b.firstName()) && Objects.equals(a.lastName(), b.lastName())
                && Objects.equals(a.company(), b.company()) && Objects.equals(a.title(), b.title())
                && Objects.equals(a.phone(), b.phone()) && Objects.equals(a.timezone(), b.timezone())
                && a.tags().equals(b.tags()) && a.customFields().equals(b.customFields());
    }

    private static Optional<EmailAddress> email(ContactInput input) {
        if (input.email() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EmailAddress.parse(input.email()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String reasonOf(String email) {
        try {
            EmailAddress.parse(email);
            return "is not a valid email address";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Why mail to {@code domain} cannot arrive, if DNS says so; nothing when it can or DNS did not answer. */
    private Optional<String> noMail(String domain) {
        return switch (mailDomains.check(domain)) {
            case NO_SUCH_DOMAIN -> Optional.of("its domain " + domain + " does not exist (DNS: no such domain)");
            case NO_MAIL_SERVER -> Optional.of("its domain " + domain + " takes no mail (no MX record and no address, "
                    + "or a null MX)");
            case RECEIVES_MAIL, UNKNOWN -> Optional.empty();
        };
    }

    private static String suppressed(SuppressionCheck.Match match) {
        String what = match.kind() == dev.penguinmails.contacts.suppression.Suppression.Kind.DOMAIN
                ? "its domain " + match.domain() : "the address";
        if (match.scope() == SuppressionCheck.Scope.PLATFORM) {
            return "is suppressed: " + what + " may not be mailed from this platform";
        }
        return "is suppressed: " + what + " is on the workspace's suppression list (" + match.entry().reason().wire() + ")";
    }

    private static void line(Plan plan, SourceRow row, String column, String reason) {
        int index = (int) plan.lines.stream().filter(l -> l.row() == row.row()).count();
        plan.lines.add(new ImportStore.ReportLine(row.row(), index, column, reason));
    }

    /** What planning read for a whole batch: suppression matches by address key, claims by address. */
    private record BatchReads(Map<String, List<SuppressionCheck.Match>> suppressed,
                              Map<String, Map<String, AttributeValue>> claims) { }

    /**
     * A row mapped onto the contact's fields and its address parsed, once: the in-file dedupe, the suppression read
     * and planning all use these (address parsing, IDN included, is the row path's largest cost).
     *
     * @param input null for a row with problems (it is not mapped)
     * @param email null when the row has no valid address
     */
    record ParsedRow(SourceRow row, @Nullable ContactInput input, @Nullable EmailAddress email) {
        /** The address key of the row, as planning registers it in {@code seen}; empty for a row that never does. */
        Optional<String> seenKey() {
            return email == null ? Optional.empty() : Optional.of(email.key());
        }
    }

    static ParsedRow parse(ColumnMapping mapping, SourceRow row) {
        if (!row.problems().isEmpty()) {
            return new ParsedRow(row, null, null);
        }
        ContactInput input = mapping.input(row.cells());
        return new ParsedRow(row, input, email(input).orElse(null));
    }
}
