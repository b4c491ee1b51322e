package dev.penguinmails.shared.aws;

import dev.penguinmails.testsupport.KmsAndSecretsStandIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SecretValuesTest {
    private static final KmsAndSecretsStandIn AWS = new KmsAndSecretsStandIn();

    @AfterAll
    static void stop() {
        AWS.close();
    }

    private static ApplicationContext context(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(AWS.endpointProperties());
        all.putAll(properties);
        return ApplicationContext.builder().propertySources(PropertySource.of("test", all)).start();
    }

    @Test
    void aValueGivenDirectlyIsUsedAsItIsAndSecretsManagerIsNotAsked() {
        int before = AWS.calls("GetSecretValue");
        String arn = AWS.putSecret("direct-wins", "from-secrets-manager");
        try (ApplicationContext context = context(Map.of(ConfigKeys.CURSOR_SECRET, "given-directly",
                ConfigKeys.CURSOR_SECRET_ARN, arn))) {
            assertThat(context.getBean(SecretValues.class).find(ConfigKeys.CURSOR_SECRET)).contains("given-directly");
        }
        assertThat(AWS.calls("GetSecretValue")).isEqualTo(before);
    }

    @Test
    void aSecretGivenByArnIsReadFromSecretsManagerOnce() {
        String arn = AWS.putSecret("read-once", "the-cursor-secret-value");
        int before = AWS.calls("GetSecretValue");
        try (ApplicationContext context = context(Map.of(ConfigKeys.CURSOR_SECRET_ARN, arn))) {
            SecretValues secrets = context.getBean(SecretValues.class);
            assertThat(secrets.find(ConfigKeys.CURSOR_SECRET)).contains("the-cursor-secret-value");
            assertThat(secrets.find(ConfigKeys.CURSOR_SECRET)).contains("the-cursor-secret-value");
            assertThat(secrets.arn(ConfigKeys.CURSOR_SECRET)).contains(arn);
        }
        assertThat(AWS.calls("GetSecretValue")).isEqualTo(before + 1);
    }

    @Test
    void neitherValueNorArnIsEmptyAndAnUnreadableSecretNamesKeyAndArn() {
        String missing = "arn:aws:secretsmanager:us-east-1:111122223333:secret:gone-XyZ";
        try (ApplicationContext context = context(Map.of(ConfigKeys.CURSOR_SECRET_ARN, missing))) {
            SecretValues secrets = context.getBean(SecretValues.class);
            assertThat(secrets.find("penguinmails.nothing.here")).isEmpty();
            assertThatThrownBy(() -> secrets.find(ConfigKeys.CURSOR_SECRET))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(ConfigKeys.CURSOR_SECRET)
                    .hasMessageContaining(missing)
                    .hasMessageContaining("can't find the specified secret");
        }
    }

    @Test
    void theArnAsAnEnvironmentVariableDoesNotShadowTheSecretItNames() {
        // On AWS the ARN arrives as PENGUINMAILS_CURSOR_SECRET_ARN, which Micronaut also reads as
        // penguinmails.cursor.secret.arn: a child of the very key being resolved.
        String arn = AWS.putSecret("from-env", "secret-behind-an-environment-variable");
        Map<String, Object> env = Map.of(ConfigKeys.environmentVariable(ConfigKeys.CURSOR_SECRET_ARN), arn);
        try (ApplicationContext context = ApplicationContext.builder()
                .propertySources(PropertySource.of("test", AWS.endpointProperties()),
                        PropertySource.of("env", env, PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .start()) {
            assertThat(ConfigKeys.environmentVariable(ConfigKeys.CURSOR_SECRET_ARN)).isEqualTo("PENGUINMAILS_CURSOR_SECRET_ARN");
            assertThat(context.getBean(SecretValues.class).find(ConfigKeys.CURSOR_SECRET))
                    .contains("secret-behind-an-environment-variable");
        }
    }

    @Test
    void startupFailuresAreReportedByTheirConfigurationMessage() {
        var cause = new ConfigurationException("penguinmails.cursor.secret-arn is not set");
        var wrapped = new RuntimeException("Error instantiating bean of type CursorCodec", cause);
        assertThat(StartupSecrets.reason(wrapped)).isEqualTo("penguinmails.cursor.secret-arn is not set");
        assertThat(StartupSecrets.reason(new RuntimeException("outer", new IllegalStateException("inner"))))
                .isEqualTo("inner");
        assertThatThrownBy(() -> StartupSecrets.load("prod", "the cursor secret", () -> {
            throw wrapped;
        })).isInstanceOf(ConfigurationException.class)
                .hasMessage("Refusing to start on stage 'prod': the cursor secret could not be loaded: "
                        + "penguinmails.cursor.secret-arn is not set");
    }

    @Test
    void onlyLocalAndTestAreDevelopmentStages() {
        assertThat(Stages.development("local")).isTrue();
        assertThat(Stages.development("test")).isTrue();
        assertThat(Stages.development("dev")).isFalse();
        assertThat(Stages.development("prod")).isFalse();
        assertThat(Stages.development(null)).isFalse();
        assertThat(ConfigKeys.secretArn(ConfigKeys.CURSOR_SECRET)).isEqualTo(ConfigKeys.CURSOR_SECRET_ARN);
    }
}
