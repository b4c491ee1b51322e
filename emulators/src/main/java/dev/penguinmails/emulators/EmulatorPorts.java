package dev.penguinmails.emulators;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The port of each emulator on 127.0.0.1; 0 lets the OS pick a free one. */
public record EmulatorPorts(int dynamodb, int sqs, int s3, int eventBridge, int ses, int smtp, int imap) {

    public EmulatorPorts {
        for (Port p : list(dynamodb, sqs, s3, eventBridge, ses, smtp, imap)) {
            if (p.number < 0 || p.number > 65_535) {
                throw new EmulatorException("Port " + p.number + " (" + p.service + ") is not a valid port; pass "
                        + p.flag + " with a number from 1 to 65535.");
            }
        }
    }

    /** Every emulator on a port the OS picks: what tests use, so that runs never collide. */
    public static EmulatorPorts ephemeral() {
        return new EmulatorPorts(0, 0, 0, 0, 0, 0, 0);
    }

    /** The well-known ports of the local stack. */
    public static EmulatorPorts defaults() {
        return new EmulatorPorts(8000, 9324, 9000, 9195, 8005,
                GreenMailServer.DEFAULT_SMTP_PORT, GreenMailServer.DEFAULT_IMAP_PORT);
    }

    /**
     * Checks that no fixed port is taken, or given to two emulators, before anything starts.
     *
     * @throws EmulatorException naming the first port in use and the option that moves it, e.g.
     *                           "Port 3025 (SMTP) is already in use; pass --smtp-port to choose another."
     */
    public void requireFree() {
        requireFree(true);
    }

    /** As {@link #requireFree()}; without {@code coreServicesLocal} the DynamoDB, SQS and S3 ports are skipped. */
    void requireFree(boolean coreServicesLocal) {
        Map<Integer, Port> seen = new HashMap<>();
        for (Port p : list(dynamodb, sqs, s3, eventBridge, ses, smtp, imap)) {
            boolean skipped = p.number == 0
                    || (!coreServicesLocal && List.of("DynamoDB", "SQS", "S3").contains(p.service));
            if (skipped) {
                continue;
            }
            Port other = seen.putIfAbsent(p.number, p);
            if (other != null) {
                throw new EmulatorException("Port " + p.number + " is given to both " + other.service + " and "
                        + p.service + "; pass " + p.flag + " to choose another.");
            }
            if (!isFree(p.number)) {
                throw new EmulatorException("Port " + p.number + " (" + p.service + ") is already in use; pass "
                        + p.flag + " to choose another.");
            }
        }
    }

    /** True if nothing listens on the port on 127.0.0.1 (or on all interfaces). */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Like the servers themselves, reuse the address, so that a socket lingering in TIME_WAIT
            // from the previous run does not count as "in use".
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Port> list(int dynamodb, int sqs, int s3, int eventBridge, int ses, int smtp, int imap) {
        return List.of(new Port(dynamodb, "DynamoDB", "--dynamodb-port"), new Port(sqs, "SQS", "--sqs-port"),
                new Port(s3, "S3", "--s3-port"), new Port(eventBridge, "EventBridge", "--eventbridge-port"),
                new Port(ses, "SES", "--ses-port"), new Port(smtp, "SMTP", "--smtp-port"),
                new Port(imap, "IMAP", "--imap-port"));
    }

    private record Port(int number, String service, String flag) { }
}
