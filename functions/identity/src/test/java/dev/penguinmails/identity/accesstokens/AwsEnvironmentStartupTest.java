package dev.penguinmails.identity.accesstokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.testsupport.KmsAndSecretsStandIn;
import dev.penguinmails.shared.pagination.CursorCodec;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A function started as CDK configures it on AWS: stage, key ARN and secret ARN as environment variables
 * named by {@link ConfigKeys#environmentVariable} (the same names the CDK app writes), read through
 * Micronaut's environment-variable convention. Both the issuer (identity) and another family start, load
 * their keys and secret during startup, and agree on tokens.
 */
class AwsEnvironmentStartupTest {

    private static ApplicationContext function(KmsAndSecretsStandIn aws, Map<String, Object> env) {
        return ApplicationContext.builder()
                .propertySources(PropertySource.of("endpoints", aws.endpointProperties()),
                        PropertySource.of("lambda-env", env, PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .start();
    }

    private static String var(String key) {
        return ConfigKeys.environmentVariable(key);
    }

    @Test
    void identityAndAnotherFamilyStartFromTheCdkEnvironmentAndAgreeOnTokensAndCursors() {
        try (KmsAndSecretsStandIn aws = new KmsAndSecretsStandIn()) {
            String secretArn = aws.putSecret("penguinmails/dev/cursor", "x".repeat(64));
            Map<String, Object> common = Map.of(var(ConfigKeys.STAGE), "dev",
                    var(ConfigKeys.ACCESS_TOKEN_VERIFICATION_KMS_KEY), KmsAndSecretsStandIn.KEY_ARN,
                    var(ConfigKeys.CURSOR_SECRET_ARN), secretArn,
                    var(ConfigKeys.APP_BASE_URL), "https://app.example.com", var(ConfigKeys.MAIL_FROM), "no-reply@example.com");
            Map<String, Object> identityEnv = new HashMap<>(common);
            identityEnv.put(var(ConfigKeys.ACCESS_TOKEN_SIGNING_KMS_KEY), KmsAndSecretsStandIn.KEY_ARN);

            try (ApplicationContext identity = function(aws, identityEnv); ApplicationContext other = function(aws, common)) {
                assertThat(aws.calls("GetPublicKey")).as("each function read the key at startup").isEqualTo(2);
                assertThat(aws.calls("GetSecretValue")).as("each function read the secret at startup").isEqualTo(2);

                Instant now = Instant.now();
                String token = identity.getBean(AccessTokens.class).sign(
                        new AccessTokenClaims("usr_env", "ses_env", false, "at_env", now, now.plus(Duration.ofMinutes(5))));
                assertThat(other.getBean(AccessTokens.class).canSign()).isFalse();
                assertThat(other.getBean(AccessTokens.class).verify(token).userId()).isEqualTo("usr_env");

                var key = Map.of("pk", AttributeValue.fromS("WS#ws_1"));
                String cursor = identity.getBean(CursorCodec.class).encode(key, "ws_1/list");
                assertThat(other.getBean(CursorCodec.class).decode(cursor, "ws_1/list")).isEqualTo(key);
            }
        }
    }
}
