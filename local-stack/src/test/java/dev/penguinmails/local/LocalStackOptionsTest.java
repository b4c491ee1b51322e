package dev.penguinmails.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.emulators.EmulatorPorts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalStackOptionsTest {
    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsAreTheWellKnownPortsAndTheDataFolderUnderTheRoot() {
        LocalStackOptions options = LocalStackOptions.parse(List.of(), ROOT);

        assertThat(options.apiPort()).isEqualTo(8080);
        assertThat(options.emulatorPorts()).isEqualTo(EmulatorPorts.defaults());
        assertThat(options.dataDir()).isEqualTo(ROOT.resolve(".local-data"));
        assertThat(options.reset()).isFalse();
        assertThat(options.runSchedules()).isTrue();
        assertThat(options.namePrefix()).isEqualTo("penguinmails-local-");
        assertThat(options.classpath().of(options.topology().functions().get(0)))
                .containsExactly(ROOT.resolve("functions/identity/target/identity-lambda.jar"));
    }

    @Test
    void everyOptionIsReadInBothSpellings() {
        LocalStackOptions options = LocalStackOptions.parse(List.of("--reset", "--api-port", "8081", "--ses-port=8006",
                "--smtp-port", "2525", "--imap-port", "1143", "--dynamodb-port", "8001", "--sqs-port", "9325",
                "--s3-port", "9001", "--eventbridge-port", "9196", "--data-dir", "tmp/data", "--no-schedules"), ROOT);

        assertThat(options.reset()).isTrue();
        assertThat(options.apiPort()).isEqualTo(8081);
        assertThat(options.emulatorPorts()).isEqualTo(new EmulatorPorts(8001, 9325, 9001, 9196, 8006, 2525, 1143));
        assertThat(options.dataDir()).isEqualTo(ROOT.resolve("tmp/data"));
        assertThat(options.runSchedules()).isFalse();
    }

    @Test
    void badOptionsAreOneSentence() {
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--api-port", "eighty"), ROOT))
                .isInstanceOf(LocalStackException.class)
                .hasMessage("Option --api-port needs a port number from 1 to 65535, not 'eighty'.");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--smtp-port"), ROOT))
                .hasMessage("Option --smtp-port needs a value.");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--turbo"), ROOT))
                .hasMessage("Unknown option --turbo; run with --help to see the options.");
    }
}
