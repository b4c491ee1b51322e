package dev.penguinmails.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {
    @TempDir
    Path dataDir;

    @Test
    void secretsAreMadeOnceAndKeptAcrossRestarts() {
        Map<String, String> first = LocalSecrets.load(dataDir);
        Map<String, String> second = LocalSecrets.load(dataDir);
        assertThat(second).isEqualTo(first);
        assertThat(first.get(LocalSecrets.SIGNING_KEY)).contains("\"d\":\"").contains("\"crv\":\"P-256\"");
        assertThat(first.get(LocalSecrets.VERIFICATION_KEYS)).startsWith("{\"keys\":[").doesNotContain("\"d\"");
        assertThat(first.get(LocalSecrets.CURSOR_SECRET)).hasSizeGreaterThanOrEqualTo(43);
        assertThat(first.get(LocalSecrets.UNSUBSCRIBE_KEYS)).as("key k1, 256 bits, base64").matches("k1:[A-Za-z0-9+/]{43}=");
        assertThat(java.util.Base64.getDecoder().decode(first.get(LocalSecrets.CUSTOMER_SECRETS_KEY))).hasSize(32);
    }

    @Test
    void aDataFolderFromBeforeTheCustomerSecretsKeyGetsOneAndKeepsItsOtherSecrets() throws Exception {
        Map<String, String> first = LocalSecrets.load(dataDir);
        java.nio.file.Path file = dataDir.resolve("secrets.properties");
        java.util.List<String> older = java.nio.file.Files.readAllLines(file).stream()
                .filter(line -> !line.startsWith(LocalSecrets.CUSTOMER_SECRETS_KEY)).toList();
        java.nio.file.Files.write(file, older);

        Map<String, String> upgraded = LocalSecrets.load(dataDir);

        assertThat(upgraded.get(LocalSecrets.SIGNING_KEY)).isEqualTo(first.get(LocalSecrets.SIGNING_KEY));
        assertThat(upgraded.get(LocalSecrets.CURSOR_SECRET)).isEqualTo(first.get(LocalSecrets.CURSOR_SECRET));
        assertThat(upgraded.get(LocalSecrets.CUSTOMER_SECRETS_KEY)).isNotBlank();
        assertThat(LocalSecrets.load(dataDir)).isEqualTo(upgraded);
    }

    @Test
    void withoutADataFolderEachStartGetsFreshSecrets() {
        assertThat(LocalSecrets.load(null)).isNotEqualTo(LocalSecrets.load(null));
    }
}
