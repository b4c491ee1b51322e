package dev.penguinmails.domains.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.domains.Caller;
import dev.penguinmails.domains.DomainsApiTest;
import dev.penguinmails.shared.secrets.SecretBox;
import dev.penguinmails.shared.secrets.SecretUnreadableException;
import dev.penguinmails.testsupport.KmsAndSecretsStandIn;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DKIM keys sealed as on AWS: data keys from KMS ({@code GenerateDataKey}, {@code Decrypt}) through the real SDK
 * client, against the KMS stand-in, which binds each data key to its encryption context as KMS does.
 */
@MicronautTest
@Tag("integration")
class KmsSealedKeysTest extends DomainsApiTest {
    private KmsAndSecretsStandIn kms;

    @Override
    protected Map<String, String> extraProperties() {
        kms = new KmsAndSecretsStandIn();
        Map<String, String> properties = new HashMap<>();
        kms.endpointProperties().forEach((k, v) -> properties.put(k, v.toString()));
        properties.put(ConfigKeys.CUSTOMER_SECRETS_KEY, KmsAndSecretsStandIn.KEY_ARN);
        return properties;
    }

    @AfterAll
    void stopKms() {
        kms.close();
    }

    @Test
    void aDomainsPrivateKeyIsSealedWithAKmsDataKeyAndOpensOnlyInItsOwnContext() throws Exception {
        String ws = workspace();
        assertThat(add(Caller.owner(ws), ws, "kms-sealed.com").status()).isEqualTo(201);
        assertThat(kms.calls("GenerateDataKey")).isEqualTo(1);

        String sealed = dynamo().getItem(r -> r.tableName(table()).key(Map.of(
                "pk", AttributeValue.fromS("WS#" + ws + "#DOMAINS"), "sk", AttributeValue.fromS("kms-sealed.com"))))
                .item().get("dkimKeys").l().get(0).m().get("privateKeySealed").s();
        SecretBox box = context.getBean(SecretBox.class);

        byte[] pkcs8 = box.open(sealed, DkimKeyMaker.context(ws, "kms-sealed.com", "pm1"));
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        assertThat(key.getModulus().bitLength()).isEqualTo(2048);
        assertThat(kms.calls("Decrypt")).isEqualTo(1);

        assertThatThrownBy(() -> box.open(sealed, DkimKeyMaker.context(workspace(), "kms-sealed.com", "pm1")))
                .isInstanceOf(SecretUnreadableException.class);
        assertThatThrownBy(() -> box.open(sealed, DkimKeyMaker.context(ws, "kms-sealed.com", "pm2")))
                .isInstanceOf(SecretUnreadableException.class);
    }
}
