package dev.penguinmails.identity.authorizer;

import dev.penguinmails.identity.tokens.SecretHash;


import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.shared.ids.Ids;
import org.junit.jupiter.api.Test;

class ApiKeyCredentialTest {
    @Test
    void aGeneratedKeyParsesBackAndHashesTheWholeKey() {
        ApiKeyCredential key = ApiKeyCredential.generate(Ids.newId("key"));

        assertThat(key.token()).startsWith("pmk_key_").hasSize(4 + 30 + 1 + 43);
        assertThat(ApiKeyCredential.parse(key.token())).contains(key);
        assertThat(key.secretHash()).isEqualTo(SecretHash.sha256Hex(key.token())).hasSize(64);
        assertThat(ApiKeyCredential.generate(key.keyId()).secret()).isNotEqualTo(key.secret());
    }

    @Test
    void thePrefixAndToStringShowOnlyTheStartOfTheSecret() {
        ApiKeyCredential key = ApiKeyCredential.generate(Ids.newId("key"));

        assertThat(key.prefix()).isEqualTo("pmk_" + key.keyId() + "_" + key.secret().substring(0, 4));
        assertThat(key.toString()).doesNotContain(key.secret()).startsWith(key.prefix());
    }

    @Test
    void anythingNotShapedLikeAKeyIsNotParsed() {
        String good = ApiKeyCredential.generate(Ids.newId("key")).token();

        assertThat(ApiKeyCredential.parse(good + "x")).isEmpty();
        assertThat(ApiKeyCredential.parse(good.substring(0, good.length() - 1))).isEmpty();
        assertThat(ApiKeyCredential.parse(good.replace("pmk_", "pmx_"))).isEmpty();
        assertThat(ApiKeyCredential.parse("pmk_key_123_abc")).isEmpty();
        assertThat(ApiKeyCredential.parse(null)).isEmpty();
        assertThat(ApiKeyCredential.looksLikeApiKey("pmk_whatever")).isTrue();
        assertThat(ApiKeyCredential.looksLikeApiKey("eyJhbGciOi")).isFalse();
    }

    @Test
    void secretHashesCompareOnlyEqualSecrets() {
        String hash = SecretHash.sha256Hex("secret-one");

        assertThat(SecretHash.matches("secret-one", hash)).isTrue();
        assertThat(SecretHash.matches("secret-two", hash)).isFalse();
        assertThat(SecretHash.matches("secret-one", hash.toUpperCase())).isFalse();
        assertThat(SecretHash.matches(null, hash)).isFalse();
        assertThat(SecretHash.randomSecret(32)).hasSize(43).matches("[A-Za-z0-9_-]+");
    }
}
