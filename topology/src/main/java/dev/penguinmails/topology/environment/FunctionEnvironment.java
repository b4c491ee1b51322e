package dev.penguinmails.topology.environment;

import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.QueueHandler;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The one computation of what a function family is told about its world, from its
 * {@link FunctionSpec.Access}: the names of the tables, buckets and queues it may use, the bus if it
 * publishes, the mail settings if it sends email, and its stage. Nothing outside its access is named,
 * so a function that forgot an {@code Access} entry fails locally as it would on AWS.
 *
 * <p>The CDK app sets the result as Lambda environment variables ({@link ConfigKeys#environmentVariable});
 * the local stack hands it to the function's own class loader as properties. Both add their key
 * material (ARNs on AWS, local stand-ins locally) and the local stack its emulator endpoints.
 */
public final class FunctionEnvironment {

    private FunctionEnvironment() { }

    /** The properties of every entry point of {@code function}, keyed as {@link ConfigKeys} names them, sorted. */
    public static Map<String, String> of(FunctionSpec function, ResourceNames resources, StageSettings stage) {
        Map<String, String> env = new TreeMap<>();
        env.put(ConfigKeys.STAGE, stage.stage());
        env.put(ConfigKeys.REGION, stage.region());
        env.put(ConfigKeys.FUNCTION_TIMEOUT_SECONDS, Integer.toString(function.timeoutSeconds()));
        FunctionSpec.Access access = function.access();
        access.tables().forEach(t -> env.put(ConfigKeys.table(t), resources.table(t)));
        access.buckets().forEach(b -> env.put(ConfigKeys.bucket(b), resources.bucket(b)));
        queues(function).forEach(q -> env.put(ConfigKeys.queueUrl(q), resources.queueUrl(q)));
        access.databases().forEach(d -> {
            DatabaseEndpoint db = resources.database(d);
            env.put(ConfigKeys.databaseUrl(d), db.jdbcUrl());
            env.put(ConfigKeys.databaseUser(d), db.username());
            env.put(ConfigKeys.databaseIamAuth(d), Boolean.toString(db.iamAuthentication()));
        });
        if (access.publishEvents()) {
            env.put(ConfigKeys.EVENT_BUS, resources.eventBus());
        }
        if (access.sendEmail()) {
            putIfSet(env, ConfigKeys.EMAIL_CONFIGURATION_SET, resources.emailConfigurationSet());
            putIfSet(env, ConfigKeys.APP_BASE_URL, stage.appBaseUrl());
            putIfSet(env, ConfigKeys.API_BASE_URL, stage.apiBaseUrl());
            putIfSet(env, ConfigKeys.MAIL_FROM, stage.mailFrom());
        }
        return env;
    }

    /**
     * The secret settings a function is given, in whatever form its runtime provides them (ARNs on AWS,
     * local values in the local stack): every family signs pagination cursors and idempotency fingerprints;
     * only families that check access tokens get the public keys, only issuers the signing key, and only
     * families that seal or open customers' secrets the key of those (locally; on AWS it stays in KMS).
     */
    public static Set<String> secretKeys(FunctionSpec function) {
        Set<String> keys = new TreeSet<>(Set.of(ConfigKeys.CURSOR_SECRET));
        if (function.access().verifiesAccessTokens()) {
            keys.add(ConfigKeys.ACCESS_TOKEN_VERIFICATION_KEYS);
        }
        if (function.access().issuesAccessTokens()) {
            keys.add(ConfigKeys.ACCESS_TOKEN_SIGNING_KEY);
        }
        if (function.access().customerSecrets() != FunctionSpec.CustomerSecrets.NONE) {
            keys.add(ConfigKeys.CUSTOMER_SECRETS_LOCAL_KEY);
        }
        if (function.family().equals(PenguinMailsTopology.SENDING)) {
            // Sending signs and reads the unsubscribe links of its emails.
            keys.add(ConfigKeys.UNSUBSCRIBE_KEYS);
        }
        return Collections.unmodifiableSet(keys);
    }

    /** The queues a function is told about: those it sends to and those it consumes. */
    public static Stream<String> queues(FunctionSpec function) {
        return Stream.concat(function.access().sendToQueues().stream(),
                function.queueHandlers().stream().map(QueueHandler::queue)).distinct();
    }

    private static void putIfSet(Map<String, String> env, String key, String value) {
        if (value != null && !value.isBlank()) {
            env.put(key, value);
        }
    }
}
