package dev.penguinmails.topology;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The PenguinMails stack. Add a table, queue, rule or function here and both runtimes get it. */
public final class PenguinMailsTopology {

    public static final String IDENTITY = "identity";
    public static final String BILLING = "billing";
    public static final String DOMAINS = "domains";
    public static final String CONTACTS = "contacts";
    /** Campaigns, sequences, personalisation and (next) the scheduler and sender. */
    public static final String SENDING = "sending";
    /** Mailbox, domain, suppression and billing events from which sending keeps its own copies, applied by version. */
    public static final String SENDING_COPIES = "sending-copies";
    /** Sending's campaign counters (sent, failed, unsubscribed), fed by its own email events. */
    public static final String SENDING_STATS = "sending-stats";
    /** Unsubscribes through a message's link, which contacts turns into a status and a suppression entry. */
    public static final String CONTACTS_UNSUBSCRIBES = "contacts-unsubscribes";
    /** Audience chunks and contact changes that create, update and stop enrolments. */
    public static final String SENDING_ENROLMENTS = "sending-enrolments";
    /** Send tasks the scheduler tick enqueues (with a delay for the gap between sends) for the sender worker. */
    public static final String SENDING_SENDS = "sending-sends";
    /** The query side of contacts: the Postgres query model, static lists and dynamic segments. */
    public static final String CONTACTS_QUERY = "contacts-query";
    /** The contacts query model (Postgres): a projection of the contacts table, never a system of record. */
    public static final DatabaseSpec CONTACTS_DATABASE = new DatabaseSpec("contacts", 0.5, 8);
    /** Contact changes that the query model applies by version. */
    public static final String CONTACTS_PROJECTION = "contacts-projection";
    /** Stripe's webhook events, queued in order per customer so that a subscription's updates apply in sequence. */
    public static final String BILLING_STRIPE_EVENTS = "billing-stripe-events";
    /** Usage events (emails sent, contacts created, mailboxes connected and removed) that billing counts against quotas. */
    public static final String BILLING_USAGE = "billing-usage";
    /** Billing's plan changes, from which identity keeps each workspace's seats and workspaces-per-account. */
    public static final String IDENTITY_PLANS = "identity-plans";
    /** Billing's plan changes, from which domains keeps how many mailboxes each workspace may connect. */
    public static final String DOMAINS_PLANS = "domains-plans";
    /** Sending's mailbox holds, which domains shows on the mailbox itself (status failing and the server's words). */
    public static final String DOMAINS_SENDING = "domains-sending";
    /** Billing's plan changes, from which contacts keeps how many contacts each workspace may hold. */
    public static final String CONTACTS_PLANS = "contacts-plans";
    /** Bulk onboarding jobs of the domains family (CSV files of domains or mailboxes), worked through in slices. */
    public static final String DOMAINS_ONBOARDING = "domains-onboarding";
    /**
     * Contacts imports: S3's object-created events of uploaded import files, and the next slices of imports the
     * worker queues itself.
     */
    public static final String CONTACTS_IMPORTS = "contacts-imports";
    /** Contact exports to CSV: a new export's first slice, and the next slices the export worker queues itself. */
    public static final String CONTACTS_EXPORTS = "contacts-exports";
    /** Chunks of contact bulk operations (tag, untag, delete) that family contacts applies. */
    public static final String CONTACTS_BULK = "contacts-bulk";
    /**
     * Launched campaigns whose audience contacts resolves and publishes in chunks, and the next slices of that
     * publishing, which the audience worker queues itself.
     */
    public static final String CONTACTS_AUDIENCES = "contacts-audiences";
    /** The bucket of exported CSV files (private, objects expire after 7 days); it notifies nobody. */
    public static final String EXPORTS_BUCKET = "exports";
    /** The families that call Stripe, and so get its API key and webhook secret. */
    public static final Set<String> STRIPE_CLIENTS = Set.of(BILLING);
    /** Identity's Lambda authorizer, which every authorized route of every family runs first. */
    public static final String AUTHORIZER_HANDLER = "dev.penguinmails.identity.authorizer.AuthorizerFunction";
    /**
     * How long API Gateway reuses an authorizer answer per Authorization header: also the longest a
     * logout, revoked session or key, removed member or changed role keeps working (docs/decisions/0010).
     */
    public static final int AUTHORIZER_TTL_SECONDS = 30;

    private PenguinMailsTopology() { }

    public static Topology define() {
        return new Topology(
                "penguinmails",
                List.of(TableSpec.standard(IDENTITY), TableSpec.standard(BILLING), TableSpec.standard(DOMAINS),
                        TableSpec.standard(CONTACTS), TableSpec.standard(SENDING)),
                List.of(new BucketSpec("imports", 30).notifying(CONTACTS_IMPORTS), new BucketSpec(EXPORTS_BUCKET, 7),
                        // Uploaded onboarding CSVs, sealed; deleted when their job ends, expired after a week if not.
                        new BucketSpec(DOMAINS_ONBOARDING, 7)),
                List.of(QueueSpec.work("identity-emails", 120, 5),
                        QueueSpec.work(IDENTITY_PLANS, 120, 5),
                        // Six times the domains function's 120 s timeout, as every queue a function consumes needs.
                        QueueSpec.work(DOMAINS_PLANS, 720, 5),
                        // 720 s: six times the domains function's timeout.
                        QueueSpec.work(DOMAINS_SENDING, 720, 5),
                        // 720 s: six times the contacts function's timeout.
                        QueueSpec.work(CONTACTS_PLANS, 720, 5),
                        QueueSpec.fifo(BILLING_STRIPE_EVENTS, 120, 8),
                        QueueSpec.work(BILLING_USAGE, 120, 5),
                        // 720 s: six times the domains function's timeout, as Lambda advises for SQS triggers.
                        QueueSpec.work(DOMAINS_ONBOARDING, 720, 5),
                        QueueSpec.work(CONTACTS_PROJECTION, 360, 5),
                        // 720 s: six times the contacts function's timeout, as Lambda advises for SQS triggers.
                        QueueSpec.work(CONTACTS_IMPORTS, 720, 5),
                        // 360 s: six times the contacts query function's timeout.
                        QueueSpec.work(CONTACTS_EXPORTS, 360, 5),
                        // 720 s: six times the contacts function's timeout.
                        QueueSpec.work(CONTACTS_BULK, 720, 5),
                        // 360 s: six times the contacts query function's timeout.
                        QueueSpec.work(CONTACTS_AUDIENCES, 360, 5),
                        // 360 s: six times the sending function's timeout.
                        QueueSpec.work(SENDING_COPIES, 360, 5),
                        // 360 s: six times the sending function's timeout.
                        QueueSpec.work(SENDING_STATS, 360, 5),
                        // 720 s: six times the contacts function's timeout.
                        QueueSpec.work(CONTACTS_UNSUBSCRIBES, 720, 5),
                        // 360 s: six times the sending function's timeout, like its other queues.
                        QueueSpec.work(SENDING_ENROLMENTS, 360, 5),
                        QueueSpec.work(SENDING_SENDS, 360, 5)),
                "penguinmails",
                List.of(new RuleSpec("identity-emails", """
                                {"source":["penguinmails.identity"]}""",
                                List.of("identity-emails")),
                        // Identity writes to the owner about failed payments and ending trials.
                        new RuleSpec("identity-billing-notices", """
                                {"source":["penguinmails.billing"],"detail-type":["billing.dunning.step"]}""",
                                List.of("identity-emails")),
                        // Identity enforces the seats and workspaces-per-account of each workspace's plan.
                        new RuleSpec(IDENTITY_PLANS, """
                                {"source":["penguinmails.billing"],"detail-type":["billing.plan.changed"]}""",
                                List.of(IDENTITY_PLANS)),
                        // Domains enforces the mailboxes of each workspace's plan.
                        new RuleSpec(DOMAINS_PLANS, """
                                {"source":["penguinmails.billing"],"detail-type":["billing.plan.changed"]}""",
                                List.of(DOMAINS_PLANS)),
                        // Domains marks a mailbox failing when sending holds it because its server refused it (0072).
                        new RuleSpec(DOMAINS_SENDING, """
                                {"source":["penguinmails.sending"],"detail-type":["mailbox.sending_held"]}""",
                                List.of(DOMAINS_SENDING)),
                        // Contacts enforces the contacts of each workspace's plan.
                        new RuleSpec(CONTACTS_PLANS, """
                                {"source":["penguinmails.billing"],"detail-type":["billing.plan.changed"]}""",
                                List.of(CONTACTS_PLANS)),
                        new RuleSpec(BILLING_USAGE, """
                                {"source":["penguinmails.sending","penguinmails.contacts","penguinmails.domains"],
                                 "detail-type":["email.sent","contact.created","mailbox.connected","mailbox.removed"]}""",
                                List.of(BILLING_USAGE)),
                        new RuleSpec(CONTACTS_PROJECTION, """
                                {"source":["penguinmails.contacts"],
                                 "detail-type":["contact.created","contact.updated","contact.deleted","contact.erased",
                                                "contact.import.completed"]}""",
                                List.of(CONTACTS_PROJECTION)),
                        // Contacts resolves a launched campaign's audience and answers with campaign.audience.chunk events.
                        new RuleSpec(CONTACTS_AUDIENCES, """
                                {"source":["penguinmails.sending"],"detail-type":["campaign.launched"]}""",
                                List.of(CONTACTS_AUDIENCES)),
                        // Sending keeps its own copies of mailboxes, verified domains and the suppression list, and of
                        // billing's plan and sending pause (decision 0065: one rule and queue more would pass
                        // CloudFormation's 500 resources a stack).
                        new RuleSpec(SENDING_COPIES, """
                                {"detail-type":["mailbox.connected","mailbox.updated","mailbox.removed","domain.verified",
                                 "domain.degraded","domain.failed","domain.removed","suppression.added","suppression.removed",
                                 "billing.plan.changed","billing.subscription.status_changed"],
                                 "source":["penguinmails.domains","penguinmails.contacts","penguinmails.billing"]}""",
                                List.of(SENDING_COPIES)),
                        // Campaign statistics count what sending itself reports about each campaign send.
                        new RuleSpec(SENDING_STATS, """
                                {"source":["penguinmails.sending"],
                                 "detail-type":["email.sent","email.failed","email.unsubscribed"]}""",
                                List.of(SENDING_STATS)),
                        // Contacts marks the contact unsubscribed and suppresses the address (decision 0054).
                        new RuleSpec(CONTACTS_UNSUBSCRIBES, """
                                {"source":["penguinmails.sending"],"detail-type":["email.unsubscribed"]}""",
                                List.of(CONTACTS_UNSUBSCRIBES)),
                        // Sending enrols the audience contacts resolves, and keeps enrolments current or stops them.
                        new RuleSpec(SENDING_ENROLMENTS, """
                                {"detail-type":["campaign.audience.chunk","contact.updated","contact.deleted",
                                 "contact.erased","contact.unsubscribed"],"source":["penguinmails.contacts"]}""",
                                List.of(SENDING_ENROLMENTS))),
                List.of(identity(), billing(), domains(), contacts(), contactsQuery(), sending()),
                List.of(CONTACTS_DATABASE));
    }

    private static FunctionSpec domains() {
        String domains = "/v1/workspaces/{workspaceId}/domains";
        String mailboxes = "/v1/workspaces/{workspaceId}/mailboxes";
        String onboarding = "/v1/workspaces/{workspaceId}/onboarding";
        // 120 s: the hourly re-verification works through a batch of domains within one invocation.
        return new FunctionSpec(DOMAINS, 1024, 120,
                Optional.of(HttpApiHandler.micronaut(List.of(
                        HttpRoute.of("GET " + domains),
                        HttpRoute.of("POST " + domains),
                        HttpRoute.of("GET " + domains + "/{domain}"),
                        HttpRoute.of("DELETE " + domains + "/{domain}"),
                        HttpRoute.of("GET " + domains + "/{domain}/records"),
                        HttpRoute.of("POST " + domains + "/{domain}/verify"),
                        HttpRoute.of("POST " + domains + "/{domain}/dkim/rotate"),
                        HttpRoute.of("GET " + domains + "/{domain}/health"),
                        HttpRoute.of("POST " + domains + "/{domain}/blacklists/check"),
                        HttpRoute.of("GET " + mailboxes),
                        HttpRoute.of("POST " + mailboxes),
                        HttpRoute.of("GET " + mailboxes + "/{mailboxId}"),
                        HttpRoute.of("PATCH " + mailboxes + "/{mailboxId}"),
                        HttpRoute.of("DELETE " + mailboxes + "/{mailboxId}"),
                        HttpRoute.of("POST " + mailboxes + "/{mailboxId}/test"),
                        HttpRoute.of("POST " + onboarding + "/domains"),
                        HttpRoute.of("POST " + onboarding + "/mailboxes"),
                        HttpRoute.of("GET " + onboarding + "/jobs"),
                        HttpRoute.of("GET " + onboarding + "/jobs/{jobId}"),
                        HttpRoute.of("GET " + onboarding + "/jobs/{jobId}/errors")))),
                List.of(new QueueHandler("plans", "dev.penguinmails.domains.plans.PlanLimitsConsumer",
                        DOMAINS_PLANS, 10, 0),
                        new QueueHandler("sending", "dev.penguinmails.domains.mailboxes.SendingHoldConsumer",
                        DOMAINS_SENDING, 10, 0),
                        new QueueHandler("onboarding", "dev.penguinmails.domains.onboarding.OnboardingConsumer",
                        DOMAINS_ONBOARDING, 1, 0)),
                List.of(new ScheduledHandler("reverify-domains",
                                "dev.penguinmails.domains.verification.ReverificationJob", "rate(1 hour)"),
                        new ScheduledHandler("relay-events",
                                "dev.penguinmails.events.outbox.FamilyEventRelayJob", "rate(1 minute)")),
                // It sends to its own onboarding queue: a long job queues its next slice.
                new FunctionSpec.Access(List.of(DOMAINS), List.of(DOMAINS_ONBOARDING), List.of(DOMAINS_ONBOARDING), true,
                        false, FunctionSpec.AccessTokens.NONE, FunctionSpec.CustomerSecrets.SEAL, true));
    }

    private static FunctionSpec contacts() {
        String contacts = "/v1/workspaces/{workspaceId}/contacts";
        String fields = "/v1/workspaces/{workspaceId}/contact-fields";
        String suppressions = "/v1/workspaces/{workspaceId}/suppressions";
        String imports = "/v1/workspaces/{workspaceId}/contact-imports";
        String suppressionImports = "/v1/workspaces/{workspaceId}/suppression-imports";
        // 120 s: an import slice works up to its budget (80 s) and then queues the next one.
        return new FunctionSpec(CONTACTS, 1024, 120,
                Optional.of(HttpApiHandler.micronaut(List.of(
                        HttpRoute.of("GET " + contacts),
                        HttpRoute.of("POST " + contacts),
                        HttpRoute.of("POST " + imports),
                        HttpRoute.of("GET " + imports),
                        HttpRoute.of("GET " + imports + "/{importId}"),
                        HttpRoute.of("GET " + imports + "/{importId}/errors"),
                        HttpRoute.of("GET " + contacts + "/{contactId}"),
                        HttpRoute.of("PATCH " + contacts + "/{contactId}"),
                        HttpRoute.of("DELETE " + contacts + "/{contactId}"),
                        HttpRoute.of("GET " + contacts + "/{contactId}/export"),
                        HttpRoute.of("POST " + contacts + "/{contactId}/erase"),
                        HttpRoute.of("GET " + fields),
                        HttpRoute.of("PUT " + fields + "/{fieldName}"),
                        HttpRoute.of("DELETE " + fields + "/{fieldName}"),
                        HttpRoute.of("GET " + suppressions),
                        HttpRoute.of("POST " + suppressions),
                        HttpRoute.of("POST " + suppressions + "/check"),
                        HttpRoute.of("DELETE " + suppressions + "/{suppressionId}"),
                        HttpRoute.of("GET " + suppressions + "/export"),
                        HttpRoute.of("POST " + suppressionImports),
                        HttpRoute.of("GET " + suppressionImports),
                        HttpRoute.of("GET " + suppressionImports + "/{importId}"),
                        HttpRoute.of("GET " + suppressionImports + "/{importId}/errors")))),
                List.of(new QueueHandler("imports", "dev.penguinmails.contacts.imports.ImportConsumer",
                        CONTACTS_IMPORTS, 1, 0),
                        // Chunks of bulk operations that change contacts, each through the contacts' own code path.
                        new QueueHandler("bulk", "dev.penguinmails.contacts.bulk.BulkConsumer", CONTACTS_BULK, 1, 0),
                        // Unsubscribes from message links: the contact's status and a suppression entry, idempotently.
                        new QueueHandler("unsubscribes", "dev.penguinmails.contacts.unsubscribes.UnsubscribeConsumer",
                                CONTACTS_UNSUBSCRIBES, 10, 0),
                        // Billing's plan changes: the contacts each workspace may hold, applied by version.
                        new QueueHandler("plans", "dev.penguinmails.contacts.plans.PlanLimitsConsumer",
                                CONTACTS_PLANS, 10, 0)),
                List.of(new ScheduledHandler("relay-events",
                        "dev.penguinmails.events.outbox.FamilyEventRelayJob", "rate(1 minute)")),
                // The imports bucket holds uploads and error reports, the exports bucket suppression exports; the worker
                // queues an import's next slice.
                new FunctionSpec.Access(List.of(CONTACTS), List.of("imports", "exports"), List.of(CONTACTS_IMPORTS),
                        true, false));
    }

    private static FunctionSpec contactsQuery() {
        String lists = "/v1/workspaces/{workspaceId}/lists";
        String segments = "/v1/workspaces/{workspaceId}/segments";
        String exports = "/v1/workspaces/{workspaceId}/contact-exports";
        String bulk = "/v1/workspaces/{workspaceId}/contact-bulk-operations";
        // 60 s: the hourly reconciliation walks a batch of workspaces' contacts within one invocation.
        return new FunctionSpec(CONTACTS_QUERY, 1024, 60,
                Optional.of(HttpApiHandler.micronaut(List.of(
                        HttpRoute.of("GET " + lists),
                        HttpRoute.of("POST " + lists),
                        HttpRoute.of("GET " + lists + "/{listId}"),
                        HttpRoute.of("PATCH " + lists + "/{listId}"),
                        HttpRoute.of("DELETE " + lists + "/{listId}"),
                        HttpRoute.of("GET " + lists + "/{listId}/members"),
                        HttpRoute.of("POST " + lists + "/{listId}/members"),
                        HttpRoute.of("POST " + lists + "/{listId}/members/remove"),
                        HttpRoute.of("GET " + segments),
                        HttpRoute.of("POST " + segments),
                        HttpRoute.of("POST " + segments + "/preview"),
                        HttpRoute.of("GET " + segments + "/{segmentId}"),
                        HttpRoute.of("PUT " + segments + "/{segmentId}"),
                        HttpRoute.of("DELETE " + segments + "/{segmentId}"),
                        HttpRoute.of("GET " + segments + "/{segmentId}/count"),
                        HttpRoute.of("GET " + segments + "/{segmentId}/contacts"),
                        HttpRoute.of("POST " + exports),
                        HttpRoute.of("GET " + exports),
                        HttpRoute.of("GET " + exports + "/{exportId}"),
                        HttpRoute.of("POST " + bulk),
                        HttpRoute.of("GET " + bulk),
                        HttpRoute.of("GET " + bulk + "/{operationId}")))),
                List.of(new QueueHandler("projection", "dev.penguinmails.contacts.query.projection.ContactProjector",
                        CONTACTS_PROJECTION, 10, 0),
                        // One export slice at a time per message: a slice streams up to its budget, then queues the next.
                        new QueueHandler("exports", "dev.penguinmails.contacts.exports.ExportConsumer",
                                CONTACTS_EXPORTS, 1, 0),
                        // A launch resolves its audience and publishes a slice of chunks, then queues the next slice.
                        new QueueHandler("audiences", "dev.penguinmails.contacts.audiences.AudienceConsumer",
                                CONTACTS_AUDIENCES, 1, 0)),
                List.of(new ScheduledHandler("reconcile",
                        "dev.penguinmails.contacts.query.reconcile.ReconciliationJob", "rate(1 hour)")),
                // The contacts table: the lists and segments it keeps, and the contacts reconciliation compares; the
                // exports bucket and queue: exported CSV files, and the slices of exports; the bulk queue: chunks of bulk
                // operations for family contacts; the audiences queue: an audience's next slice. It publishes campaign
                // audiences (campaign.audience.chunk).
                new FunctionSpec.Access(List.of(CONTACTS), List.of(EXPORTS_BUCKET),
                        List.of(CONTACTS_EXPORTS, CONTACTS_BULK, CONTACTS_AUDIENCES), true, false)
                        .withDatabases(CONTACTS_DATABASE.name()))
                // The query model's schema migrations, once per deployment rather than in every Lambda's init.
                .withDeploymentHandlers(new DeploymentHandler("migrate-database",
                        "dev.penguinmails.contacts.query.migrations.DatabaseMigrationJob"));
    }

    private static FunctionSpec sending() {
        String campaigns = "/v1/workspaces/{workspaceId}/campaigns";
        String campaign = campaigns + "/{campaignId}";
        return new FunctionSpec(SENDING, 1024, 60,
                Optional.of(HttpApiHandler.micronaut(List.of(
                        HttpRoute.of("GET " + campaigns),
                        HttpRoute.of("POST " + campaigns),
                        HttpRoute.of("GET " + campaign),
                        HttpRoute.of("PATCH " + campaign),
                        HttpRoute.of("DELETE " + campaign),
                        HttpRoute.of("POST " + campaign + "/launch"),
                        HttpRoute.of("POST " + campaign + "/pause"),
                        HttpRoute.of("POST " + campaign + "/resume"),
                        HttpRoute.of("POST " + campaign + "/archive"),
                        HttpRoute.of("POST " + campaign + "/preview"),
                        HttpRoute.of("GET " + campaign + "/launch-checks"),
                        HttpRoute.of("POST " + campaign + "/launch-checks"),
                        HttpRoute.of("GET " + campaign + "/stats"),
                        // The unsubscribe page and RFC 8058 one-click POST: the signed token in the path is the credential.
                        HttpRoute.open("GET /v1/u/{token}"),
                        HttpRoute.open("POST /v1/u/{token}")))),
                List.of(new QueueHandler("copies", "dev.penguinmails.sending.copies.CopiesConsumer", SENDING_COPIES, 10, 0),
                        new QueueHandler("stats", "dev.penguinmails.sending.stats.StatsConsumer", SENDING_STATS, 10, 0),
                        new QueueHandler("enrolments", "dev.penguinmails.sending.enrolments.EnrolmentsConsumer",
                                SENDING_ENROLMENTS, 10, 0),
                        new QueueHandler("sends", "dev.penguinmails.sending.sender.SendsConsumer", SENDING_SENDS, 10, 0)),
                // The tick finds due sends through the due index and queues them; the relay delivers owed events
                // (campaign.launched, email.sent/failed, email.unsubscribed) left unpublished.
                List.of(new ScheduledHandler("schedule-sends", "dev.penguinmails.sending.scheduling.SchedulerJob",
                                "rate(1 minute)"),
                        new ScheduledHandler("relay-events",
                                "dev.penguinmails.events.outbox.FamilyEventRelayJob", "rate(1 minute)")),
                // It publishes campaign and email events, sends email (SES and SMTP), queues its own send tasks, and
                // opens the sealed DKIM keys and mailbox passwords its copies keep.
                new FunctionSpec.Access(List.of(SENDING), List.of(), List.of(SENDING_SENDS), true, true,
                        FunctionSpec.AccessTokens.NONE, FunctionSpec.CustomerSecrets.OPEN));
    }

    private static FunctionSpec billing() {
        String workspace = "/v1/workspaces/{workspaceId}/billing";
        return new FunctionSpec(BILLING, 1024, 20,
                Optional.of(HttpApiHandler.micronaut(List.of(
                        HttpRoute.open("GET /v1/billing/plans"),
                        // Stripe signs its webhook calls; the controller verifies the signature instead of a token.
                        HttpRoute.open("POST /v1/billing/stripe/webhook"),
                        HttpRoute.of("GET " + workspace),
                        HttpRoute.of("POST " + workspace + "/checkout-sessions"),
                        HttpRoute.of("POST " + workspace + "/checkout-sessions/{sessionId}/sync"),
                        HttpRoute.of("POST " + workspace + "/portal-sessions"),
                        HttpRoute.of("POST " + workspace + "/plan-change/preview"),
                        HttpRoute.of("POST " + workspace + "/plan-change"),
                        HttpRoute.of("POST " + workspace + "/cancel"),
                        HttpRoute.of("POST " + workspace + "/reactivate"),
                        HttpRoute.of("GET " + workspace + "/invoices"),
                        HttpRoute.of("GET " + workspace + "/usage")))),
                List.of(new QueueHandler("stripe-events", "dev.penguinmails.billing.webhooks.StripeEventConsumer",
                                BILLING_STRIPE_EVENTS, 10, 0),
                        new QueueHandler("usage", "dev.penguinmails.billing.usage.UsageEventConsumer",
                                BILLING_USAGE, 10, 0)),
                List.of(new ScheduledHandler("sync-catalog",
                                "dev.penguinmails.billing.catalog.CatalogSyncJob", "rate(1 day)"),
                        new ScheduledHandler("replay-stripe-events",
                                "dev.penguinmails.billing.webhooks.StripeEventReplayJob", "rate(1 hour)"),
                        new ScheduledHandler("dunning",
                                "dev.penguinmails.billing.dunning.DunningJob", "rate(1 hour)"),
                        new ScheduledHandler("relay-events",
                                "dev.penguinmails.billing.outbox.EventRelayJob", "rate(1 minute)")),
                new FunctionSpec.Access(List.of(BILLING), List.of(), List.of(BILLING_STRIPE_EVENTS), true, false));
    }

    private static FunctionSpec identity() {
        return new FunctionSpec(IDENTITY, 1024, 20,
                Optional.of(HttpApiHandler.micronaut(List.of(
                        HttpRoute.open("POST /v1/signup"),
                        HttpRoute.open("ANY /v1/auth/login"),
                        HttpRoute.open("ANY /v1/auth/refresh"),
                        HttpRoute.open("ANY /v1/auth/verify-email"),
                        HttpRoute.open("ANY /v1/auth/resend-verification"),
                        HttpRoute.open("ANY /v1/auth/password-reset"),
                        HttpRoute.open("ANY /v1/auth/password-reset/confirm"),
                        HttpRoute.open("ANY /v1/me/email-change/confirm"),
                        HttpRoute.open("ANY /v1/invitations/accept"),
                        HttpRoute.of("ANY /v1/auth/logout"),
                        HttpRoute.of("ANY /v1/auth/logout-all"),
                        HttpRoute.of("ANY /v1/me"),
                        HttpRoute.of("ANY /v1/me/{proxy+}"),
                        HttpRoute.of("ANY /v1/workspaces"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/restore"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/members"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/members/{userId}"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/transfer-ownership"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/leave"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/invitations"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/invitations/{invitationId}"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/api-keys"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/api-keys/{keyId}"),
                        HttpRoute.of("ANY /v1/workspaces/{workspaceId}/audit-log")))),
                List.of(new QueueHandler("emails", "dev.penguinmails.identity.emails.AccountEmailConsumer",
                        "identity-emails", 10, 0, 5),
                        new QueueHandler("plans", "dev.penguinmails.identity.plans.PlanLimitsConsumer",
                                IDENTITY_PLANS, 10, 0)),
                List.of(new ScheduledHandler("purge-workspaces",
                        "dev.penguinmails.identity.workspaces.WorkspacePurgeJob", "rate(1 hour)"),
                        new ScheduledHandler("relay-events",
                                "dev.penguinmails.identity.outbox.EventRelayJob", "rate(1 minute)")),
                new FunctionSpec.Access(List.of(IDENTITY), List.of(), List.of(), true, true,
                        FunctionSpec.AccessTokens.ISSUE),
                Optional.of(new AuthorizerHandler("authorizer", AUTHORIZER_HANDLER,
                        AuthorizerHandler.AUTHORIZATION_HEADER_SOURCE, AUTHORIZER_TTL_SECONDS)));
    }
}
