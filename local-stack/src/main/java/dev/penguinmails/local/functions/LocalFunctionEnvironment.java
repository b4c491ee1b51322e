package dev.penguinmails.local.functions;

import dev.penguinmails.emulators.LocalAwsClients;
import dev.penguinmails.emulators.ProvisionedStack;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.environment.DatabaseEndpoint;
import dev.penguinmails.topology.environment.FunctionEnvironment;
import dev.penguinmails.topology.environment.ResourceNames;
import dev.penguinmails.topology.environment.StageSettings;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one function is given in the local stack: the topology's {@link FunctionEnvironment} (the same
 * computation the CDK app deploys) over the provisioned emulators, plus what only the local stack has:
 * the emulator endpoints and the local stand-ins of the stage's key material.
 */
public final class LocalFunctionEnvironment {
    /** The stage every function of the local stack runs in. */
    public static final String STAGE = "local";

    private LocalFunctionEnvironment() { }

    /**
     * The environment of {@code function}, sorted by key. Email links point at {@code baseUrl}: this stack serves
     * the API and the pages those links open on one origin.
     */
    public static Map<String, String> of(FunctionSpec function, ProvisionedStack stack, Map<String, String> secrets,
                                         String baseUrl) {
        return of(function, stack, Map.of(), secrets, baseUrl);
    }

    /** As {@link #of(FunctionSpec, ProvisionedStack, Map, String)}, with the stack's query-model databases by name. */
    public static Map<String, String> of(FunctionSpec function, ProvisionedStack stack,
                                         Map<String, DatabaseEndpoint> databases, Map<String, String> secrets,
                                         String baseUrl) {
        Map<String, String> env = new TreeMap<>(FunctionEnvironment.of(function, names(stack, databases),
                new StageSettings(STAGE, LocalAwsClients.REGION.id(), baseUrl, null, baseUrl)));
        stack.properties().forEach((key, value) -> {
            if (key.startsWith(ConfigKeys.ENDPOINT_PREFIX)) {
                env.put(key, value);
            }
        });
        FunctionEnvironment.secretKeys(function).forEach(key -> {
            if (secrets.containsKey(key)) {
                env.put(key, secrets.get(key));
            }
        });
        return Collections.unmodifiableMap(env);
    }

    private static ResourceNames names(ProvisionedStack stack, Map<String, DatabaseEndpoint> databases) {
        return new ResourceNames() {
            @Override
            public DatabaseEndpoint database(String logicalName) {
                DatabaseEndpoint db = databases.get(logicalName);
                if (db == null) {
                    throw new IllegalStateException("the local stack runs no database " + logicalName);
                }
                return db;
            }

            @Override
            public String table(String logicalName) {
                return stack.tableName(logicalName);
            }

            @Override
            public String bucket(String logicalName) {
                return stack.bucketName(logicalName);
            }

            @Override
            public String queueUrl(String logicalName) {
                return stack.queueUrl(logicalName);
            }

            @Override
            public String eventBus() {
                return stack.eventBus();
            }

            @Override
            public String emailConfigurationSet() {
                // The SES emulator has no configuration sets; the stage default applies.
                return null;
            }
        };
    }
}
