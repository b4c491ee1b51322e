package dev.penguinmails.local;

import dev.penguinmails.emulators.EmulatorPorts;
import dev.penguinmails.emulators.NodeRuntime;
import dev.penguinmails.topology.FunctionSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What is checked before anything starts, so that a missing {@code node}, a taken port or an unbuilt
 * jar is one clear sentence instead of a half-started stack.
 */
final class Preflight {
    private Preflight() { }

    /** @throws LocalStackException or {@code EmulatorException}, each with a one-sentence message */
    static void check(LocalStackOptions options) {
        boolean ownEmulators = options.localAws() == null;
        if (ownEmulators) {
            NodeRuntime.locate();
        }
        int api = options.apiPort();
        if (api != 0 && ownEmulators) {
            EmulatorPorts p = options.emulatorPorts();
            Map<String, Integer> others = Map.of("DynamoDB", p.dynamodb(), "SQS", p.sqs(), "S3", p.s3(),
                    "EventBridge", p.eventBridge(), "SES", p.ses(), "SMTP", p.smtp(), "IMAP", p.imap());
            others.forEach((service, port) -> {
                if (port == api) {
                    throw new LocalStackException("Port " + api + " is given to both the API and " + service
                            + "; pass --api-port to choose another.");
                }
            });
        }
        if (api != 0 && !isFree(api)) {
            throw new LocalStackException("Port " + api + " (API) is already in use; pass --api-port to choose another.");
        }
        if (ownEmulators) {
            options.emulatorPorts().requireFree();
        }
        for (FunctionSpec function : options.topology().functions()) {
            List<Path> classpath = options.classpath().of(function);
            for (Path path : classpath) {
                if (!Files.exists(path)) {
                    throw new LocalStackException("The " + function.family() + " function's jar " + path
                            + " does not exist; build it with ./run-local.sh --build.");
                }
            }
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
