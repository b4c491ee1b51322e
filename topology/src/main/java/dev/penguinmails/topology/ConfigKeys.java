package dev.penguinmails.topology;

import java.util.Locale;

/**
 * The configuration keys by which a function finds its resources. CDK sets them as environment
 * variables ({@code PENGUINMAILS_TABLES_CONTACTS}); the local stack and tests set the same keys as
 * properties ({@code penguinmails.tables.contacts}). Micronaut reads either form.
 */
public final class ConfigKeys {
    public static final String EVENT_BUS = "penguinmails.event-bus";
    public static final String REGION = "penguinmails.aws.region";
    public static final String ENDPOINT_PREFIX = "penguinmails.aws.endpoints.";
    public static final String STAGE = "penguinmails.stage";
    /** The SES configuration set every send must name, so that bounces and complaints reach the bus. */
    public static final String EMAIL_CONFIGURATION_SET = "penguinmails.email.configuration-set";
    /** The web app that email links point at (https on every deployed stage). */
    public static final String APP_BASE_URL = "penguinmails.app.base-url";
    /**
     * The public HTTP API that links answered by the API itself point at (an email's unsubscribe link and its
     * RFC 8058 one-click POST must reach the API, not the web app).
     */
    public static final String API_BASE_URL = "penguinmails.api.base-url";
    /** The sender of the platform's own emails, e.g. {@code PenguinMails <no-reply@example.com>}. */
    public static final String MAIL_FROM = "penguinmails.mail.from";
    /** Where the Stripe API is reached: Stripe itself on AWS, the local stand-in on the local stack and in tests. */
    public static final String STRIPE_API_BASE = "penguinmails.stripe.api-base";
    /** Stripe's secret API key, given as a value (local stack, tests); on AWS its {@link #secretArn} is given. */
    public static final String STRIPE_API_KEY = "penguinmails.stripe.api-key";
    /** The secret that Stripe signs webhook calls with; given as a value or by {@link #secretArn}, as the API key. */
    public static final String STRIPE_WEBHOOK_SECRET = "penguinmails.stripe.webhook-secret";

    /** The private EC JWK that signs access tokens where no KMS key does (local stack, tests); issuers only. */
    public static final String ACCESS_TOKEN_SIGNING_KEY = "penguinmails.auth.signing-key";
    /** The public JWK Set that verifies access tokens where no KMS key does (local stack, tests). */
    public static final String ACCESS_TOKEN_VERIFICATION_KEYS = "penguinmails.auth.verification-keys";
    /** The ARN of the KMS key that signs access tokens; set only for the families that issue them (identity). */
    public static final String ACCESS_TOKEN_SIGNING_KMS_KEY = "penguinmails.auth.signing-kms-key";
    /** The ARN of the KMS key whose public half verifies access tokens; set for every family on AWS. */
    public static final String ACCESS_TOKEN_VERIFICATION_KMS_KEY = "penguinmails.auth.verification-kms-key";
    /**
     * The HMAC keys of unsubscribe links ({@code <keyId>:<base64 key>[,...]}), given as a value (local stack, tests);
     * on AWS {@link #secretArn} of it (sending only).
     */
    public static final String UNSUBSCRIBE_KEYS = "penguinmails.sending.unsubscribe.keys";
    /** The HMAC secret of pagination cursors, given as a value (local stack, tests). */
    public static final String CURSOR_SECRET = "penguinmails.cursor.secret";
    /** The ARN of the Secrets Manager secret that holds {@link #CURSOR_SECRET} on AWS. */
    public static final String CURSOR_SECRET_ARN = "penguinmails.cursor.secret-arn";

    /** The ARN of the KMS key that seals customer secrets (DKIM private keys, mailbox passwords); on AWS. */
    public static final String CUSTOMER_SECRETS_KEY = "penguinmails.keys.customer-secrets";
    /** The local stand-in for {@link #CUSTOMER_SECRETS_KEY}: a base64 AES-256 key (local stack, tests). */
    public static final String CUSTOMER_SECRETS_LOCAL_KEY = "penguinmails.keys.customer-secrets-local";

    /**
     * The function's Lambda timeout in whole seconds, from its {@code FunctionSpec}: AWS client timeouts are
     * derived from it, so that a stuck call still leaves the handler time to answer.
     */
    public static final String FUNCTION_TIMEOUT_SECONDS = "penguinmails.function.timeout-seconds";

    private ConfigKeys() { }

    public static String table(String logicalName) {
        return "penguinmails.tables." + logicalName;
    }

    public static String queueUrl(String logicalName) {
        return "penguinmails.queues." + logicalName;
    }

    /** The JDBC URL of a logical database ({@code penguinmails.databases.contacts.url}). */
    public static String databaseUrl(String logicalName) {
        return "penguinmails.databases." + logicalName + ".url";
    }

    /** The user a function connects to a logical database as. */
    public static String databaseUser(String logicalName) {
        return "penguinmails.databases." + logicalName + ".username";
    }

    /** Whether a function authenticates to a logical database with IAM tokens ({@code true} on AWS). */
    public static String databaseIamAuth(String logicalName) {
        return "penguinmails.databases." + logicalName + ".iam-auth";
    }

    public static String bucket(String logicalName) {
        return "penguinmails.buckets." + logicalName;
    }

    /** The endpoint override for one AWS service, e.g. {@code dynamodb}; absent on AWS. */
    public static String endpoint(String service) {
        return ENDPOINT_PREFIX + service;
    }

    /** Where the ARN of the Secrets Manager secret holding {@code secretKey} is given instead of its value. */
    public static String secretArn(String secretKey) {
        return secretKey + "-arn";
    }

    /** The environment variable Micronaut maps to {@code key}. */
    public static String environmentVariable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
