package dev.penguinmails.topology.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.QueueHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunctionEnvironmentTest {
    private static final ResourceNames NAMES = new ResourceNames() {
        @Override
        public String table(String logicalName) {
            return "t-" + logicalName;
        }

        @Override
        public String bucket(String logicalName) {
            return "b-" + logicalName;
        }

        @Override
        public String queueUrl(String logicalName) {
            return "https://sqs/q-" + logicalName;
        }

        @Override
        public String eventBus() {
            return "bus";
        }

        @Override
        public String emailConfigurationSet() {
            return "set";
        }

        @Override
        public DatabaseEndpoint database(String logicalName) {
            return new DatabaseEndpoint("jdbc:postgresql://proxy:5432/" + logicalName, logicalName + "_app", true);
        }
    };
    private static final StageSettings STAGE = new StageSettings("dev", "eu-west-1", "https://app", "From <a@b.c>",
            "https://api");

    @Test
    void aFunctionIsToldOnlyAboutWhatItsAccessNames() {
        FunctionSpec contacts = function(new FunctionSpec.Access(List.of("contacts"), List.of("imports"),
                List.of("fan-out"), false, false), List.of(new QueueHandler("work", "W", "import-work", 10, 0)));

        Map<String, String> env = FunctionEnvironment.of(contacts, NAMES, STAGE);

        assertThat(env).containsExactlyInAnyOrderEntriesOf(Map.of(
                ConfigKeys.STAGE, "dev",
                ConfigKeys.REGION, "eu-west-1",
                ConfigKeys.FUNCTION_TIMEOUT_SECONDS, "10",
                ConfigKeys.table("contacts"), "t-contacts",
                ConfigKeys.bucket("imports"), "b-imports",
                ConfigKeys.queueUrl("fan-out"), "https://sqs/q-fan-out",
                ConfigKeys.queueUrl("import-work"), "https://sqs/q-import-work"));
    }

    @Test
    void onlyAFamilyWhoseAccessNamesADatabaseIsToldWhereItIs() {
        FunctionSpec query = function(new FunctionSpec.Access(List.of(), List.of(), List.of(), false, false)
                .withDatabases("contacts"), List.of());
        FunctionSpec other = function(new FunctionSpec.Access(List.of(), List.of(), List.of(), false, false), List.of());

        assertThat(FunctionEnvironment.of(query, NAMES, STAGE))
                .containsEntry(ConfigKeys.databaseUrl("contacts"), "jdbc:postgresql://proxy:5432/contacts")
                .containsEntry(ConfigKeys.databaseUser("contacts"), "contacts_app")
                .containsEntry(ConfigKeys.databaseIamAuth("contacts"), "true");
        assertThat(FunctionEnvironment.of(other, NAMES, STAGE).keySet()).noneMatch(k -> k.startsWith("penguinmails.databases."));
    }

    @Test
    void publishersGetTheBusAndSendersTheMailSettings() {
        FunctionSpec mailer = function(new FunctionSpec.Access(List.of(), List.of(), List.of(), true, true), List.of());

        assertThat(FunctionEnvironment.of(mailer, NAMES, STAGE))
                .containsEntry(ConfigKeys.EVENT_BUS, "bus")
                .containsEntry(ConfigKeys.EMAIL_CONFIGURATION_SET, "set")
                .containsEntry(ConfigKeys.APP_BASE_URL, "https://app")
                .containsEntry(ConfigKeys.API_BASE_URL, "https://api")
                .containsEntry(ConfigKeys.MAIL_FROM, "From <a@b.c>");
    }

    @Test
    void unsetStageDefaultsAreLeftOut() {
        FunctionSpec mailer = function(new FunctionSpec.Access(List.of(), List.of(), List.of(), false, true), List.of());

        assertThat(FunctionEnvironment.of(mailer, NAMES, new StageSettings("local", "us-east-1", null, null)))
                .doesNotContainKeys(ConfigKeys.APP_BASE_URL, ConfigKeys.API_BASE_URL, ConfigKeys.MAIL_FROM,
                        ConfigKeys.EVENT_BUS);
    }

    @Test
    void grantsFollowTheSameAccess() {
        FunctionSpec contacts = function(new FunctionSpec.Access(List.of("contacts"), List.of("imports"),
                List.of("fan-out"), true, false), List.of());

        assertThat(FunctionGrants.of(contacts)).extracting(Grant::kind, Grant::logicalName).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Grant.Kind.TABLE, "contacts"),
                org.assertj.core.groups.Tuple.tuple(Grant.Kind.BUCKET_OBJECTS, "imports"),
                org.assertj.core.groups.Tuple.tuple(Grant.Kind.BUCKET, "imports"),
                org.assertj.core.groups.Tuple.tuple(Grant.Kind.QUEUE, "fan-out"),
                org.assertj.core.groups.Tuple.tuple(Grant.Kind.EVENT_BUS, ""));
        assertThat(FunctionGrants.actions(contacts)).contains("dynamodb:PutItem", "s3:ListBucket", "sqs:SendMessage",
                "events:PutEvents").doesNotContain("ses:SendEmail");
    }

    @Test
    void onlyFamiliesThatSealOrOpenCustomerSecretsAreGivenTheirLocalKey() {
        for (FunctionSpec.CustomerSecrets use : FunctionSpec.CustomerSecrets.values()) {
            FunctionSpec family = function(new FunctionSpec.Access(List.of(), List.of(), List.of(), false, false,
                    FunctionSpec.AccessTokens.NONE, use), List.of());
            assertThat(FunctionEnvironment.secretKeys(family).contains(ConfigKeys.CUSTOMER_SECRETS_LOCAL_KEY)).as(use.name())
                    .isEqualTo(use != FunctionSpec.CustomerSecrets.NONE);
            // On AWS the key stays in KMS: nothing in the shared environment names it.
            assertThat(FunctionEnvironment.of(family, NAMES, STAGE)).doesNotContainKeys(ConfigKeys.CUSTOMER_SECRETS_LOCAL_KEY,
                    ConfigKeys.CUSTOMER_SECRETS_KEY);
        }
    }

    private static FunctionSpec function(FunctionSpec.Access access, List<QueueHandler> consumers) {
        return new FunctionSpec("contacts", 512, 10, Optional.empty(), consumers, List.of(), access);
    }
}
