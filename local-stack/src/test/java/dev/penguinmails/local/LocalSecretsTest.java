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
    }

    @Test
    void withoutADataFolderEachStartGetsFreshSecrets() {
        assertThat(LocalSecrets.load(null)).isNotEqualTo(LocalSecrets.load(null));
    }
}
