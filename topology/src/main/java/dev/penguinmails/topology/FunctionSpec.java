package dev.penguinmails.topology;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One function family: a Maven module under {@code functions/} built into one Lambda jar. Each of
 * its entry points (the HTTP API handler, each queue consumer, each scheduled job) is deployed as
 * a Lambda of its own from that jar, and all of them share the family's least-privilege access.
 *
 * @param family    short name, e.g. {@code identity}; also the module folder under {@code functions/}
 * @param memoryMb  Lambda memory for every entry point of the family
 * @param timeoutSeconds Lambda timeout for every entry point of the family
 * @param authorizer the API Gateway Lambda authorizer the family offers every authorized route (identity's)
 * @param deploymentHandlers steps run once per deployment, before the family serves anything
 */
public record FunctionSpec(
        String family,
        int memoryMb,
        int timeoutSeconds,
        Optional<HttpApiHandler> httpApi,
        List<QueueHandler> queueHandlers,
        List<ScheduledHandler> scheduledHandlers,
        Access access,
        Optional<AuthorizerHandler> authorizer,
        List<DeploymentHandler> deploymentHandlers) {

    /** A family without deployment steps. */
    public FunctionSpec(String family, int memoryMb, int timeoutSeconds, Optional<HttpApiHandler> httpApi,
                        List<QueueHandler> queueHandlers, List<ScheduledHandler> scheduledHandlers, Access access,
                        Optional<AuthorizerHandler> authorizer) {
        this(family, memoryMb, timeoutSeconds, httpApi, queueHandlers, scheduledHandlers, access, authorizer, List.of());
    }

    /** A family without an authorizer. */
    public FunctionSpec(String family, int memoryMb, int timeoutSeconds, Optional<HttpApiHandler> httpApi,
                        List<QueueHandler> queueHandlers, List<ScheduledHandler> scheduledHandlers, Access access) {
        this(family, memoryMb, timeoutSeconds, httpApi, queueHandlers, scheduledHandlers, access, Optional.empty(),
                List.of());
    }

    /** This family, with steps that run once per deployment. */
    public FunctionSpec withDeploymentHandlers(DeploymentHandler... handlers) {
        return new FunctionSpec(family, memoryMb, timeoutSeconds, httpApi, queueHandlers, scheduledHandlers, access,
                authorizer, List.of(handlers));
    }

    public FunctionSpec {
        Names.requireLogicalName(family);
        if (memoryMb < 128 || memoryMb > 10_240) {
            throw new IllegalArgumentException("memory out of range for " + family);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 900) {
            throw new IllegalArgumentException("timeout out of range for " + family);
        }
        queueHandlers = List.copyOf(queueHandlers);
        scheduledHandlers = List.copyOf(scheduledHandlers);
        deploymentHandlers = List.copyOf(deploymentHandlers);
    }

    /** The Maven module folder, relative to the project root. */
    public String moduleDirectory() {
        return "functions/" + family;
    }

    /** The deployable jar, relative to the project root, as the module's build writes it. */
    public String jarPath() {
        return moduleDirectory() + "/target/" + family + "-lambda.jar";
    }

    /** The family's root Java package; a hyphen in the family name separates package levels. */
    public String javaPackage() {
        return "dev.penguinmails." + family.replace('-', '.');
    }

    /** Every entry point, each of which becomes one Lambda. */
    public Stream<EntryPoint> entryPoints() {
        return Stream.of(httpApi.stream(), authorizer.stream(), queueHandlers.stream(), scheduledHandlers.stream(),
                        deploymentHandlers.stream())
                .flatMap(s -> s.map(EntryPoint.class::cast));
    }

    /**
     * What the family may touch. Everything else is denied.
     *
     * @param accessTokens what the family does with access tokens; only the families that sign or check them
     *                     are given the token keys (others learn who calls from the authorizer's context)
     * @param customerSecrets what the family does with customers' secrets (DKIM private keys, mailbox passwords),
     *                     sealed under one key: only the families that seal or open them are given it
     * @param manageEmailIdentities whether the family creates and reads SES domain identities (domains, for
     *                     mailboxes that send through SES)
     * @param databases    the {@link DatabaseSpec databases} it queries
     */
    public record Access(List<String> tables, List<String> buckets, List<String> sendToQueues,
                         boolean publishEvents, boolean sendEmail, AccessTokens accessTokens,
                         CustomerSecrets customerSecrets, boolean manageEmailIdentities, List<String> databases) {
        public Access {
            tables = List.copyOf(tables);
            databases = List.copyOf(databases);
            buckets = List.copyOf(buckets);
            sendToQueues = List.copyOf(sendToQueues);
            java.util.Objects.requireNonNull(accessTokens, "accessTokens");
            java.util.Objects.requireNonNull(customerSecrets, "customerSecrets");
        }

        /** Access of a family that uses no {@link DatabaseSpec database}. */
        public Access(List<String> tables, List<String> buckets, List<String> sendToQueues,
                      boolean publishEvents, boolean sendEmail, AccessTokens accessTokens,
                      CustomerSecrets customerSecrets, boolean manageEmailIdentities) {
            this(tables, buckets, sendToQueues, publishEvents, sendEmail, accessTokens, customerSecrets,
                    manageEmailIdentities, List.of());
        }

        /** This access, with the databases it may query as well. */
        public Access withDatabases(String... names) {
            return new Access(tables, buckets, sendToQueues, publishEvents, sendEmail, accessTokens, customerSecrets,
                    manageEmailIdentities, List.of(names));
        }

        /** Whether the family queries a database, and so runs where it can reach one (a VPC on AWS). */
        public boolean usesDatabase() {
            return !databases.isEmpty();
        }

        /** Access of a family that manages no SES identities. */
        public Access(List<String> tables, List<String> buckets, List<String> sendToQueues,
                      boolean publishEvents, boolean sendEmail, AccessTokens accessTokens,
                      CustomerSecrets customerSecrets) {
            this(tables, buckets, sendToQueues, publishEvents, sendEmail, accessTokens, customerSecrets, false);
        }

        /** Access of a family that never touches customers' secrets. */
        public Access(List<String> tables, List<String> buckets, List<String> sendToQueues,
                      boolean publishEvents, boolean sendEmail, AccessTokens accessTokens) {
            this(tables, buckets, sendToQueues, publishEvents, sendEmail, accessTokens, CustomerSecrets.NONE);
        }

        /** Access of a family that neither issues nor checks access tokens, as every family but identity. */
        public Access(List<String> tables, List<String> buckets, List<String> sendToQueues,
                      boolean publishEvents, boolean sendEmail) {
            this(tables, buckets, sendToQueues, publishEvents, sendEmail, AccessTokens.NONE);
        }

        /** Whether the family checks access tokens itself, and so needs the public keys. */
        public boolean verifiesAccessTokens() {
            return accessTokens != AccessTokens.NONE;
        }

        /** Whether the family signs access tokens, and so needs the signing key. */
        public boolean issuesAccessTokens() {
            return accessTokens == AccessTokens.ISSUE;
        }
    }

    /** What a family does with customers' secrets. */
    public enum CustomerSecrets {
        NONE,
        /** Reads them (sending signs with DKIM keys and logs in to mailboxes). */
        OPEN,
        /** Seals new ones and reads them (domains makes DKIM keys and stores mailbox passwords). */
        SEAL
    }

    /** What a family does with access tokens. */
    public enum AccessTokens {
        /** Neither: it reads the principal from the authorizer's context. */
        NONE,
        /** Checks them (an authorizer). */
        VERIFY,
        /** Issues and checks them. */
        ISSUE
    }
}
