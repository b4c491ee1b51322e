package dev.penguinmails.emulators;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to start the local AWS.
 *
 * @param ports    the port of each emulator
 * @param dataDir  where DynamoDB tables and S3 objects persist; {@code null} keeps everything in memory
 * @param external DynamoDB/SQS/S3 served elsewhere instead of by our emulators; {@code null} for none
 */
public record EmulatorOptions(EmulatorPorts ports, Path dataDir, ExternalAws external) {

    public EmulatorOptions {
        Objects.requireNonNull(ports, "ports");
    }

    public EmulatorOptions(EmulatorPorts ports, Path dataDir) {
        this(ports, dataDir, null);
    }

    /** Free ports, nothing persisted: what tests use. */
    public static EmulatorOptions ephemeral() {
        return new EmulatorOptions(EmulatorPorts.ephemeral(), null);
    }
}
