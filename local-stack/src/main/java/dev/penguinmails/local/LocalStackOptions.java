package dev.penguinmails.local;

import dev.penguinmails.emulators.EmulatorPorts;
import dev.penguinmails.emulators.LocalAws;
import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to run the local stack.
 *
 * @param projectRoot  the repository root; function jars and the default data folder are found under it
 * @param dataDir      where DynamoDB tables and S3 objects persist; {@code null} keeps everything in memory
 * @param reset        wipe {@code dataDir} before starting
 * @param apiPort      the port of the HTTP API (and Swagger UI, admin endpoints); 0 picks a free one
 * @param namePrefix   prefix of every physical resource name, e.g. {@code penguinmails-local-}
 * @param runSchedules fire scheduled handlers on their rate; off, they run only on demand
 * @param localAws     emulators that are already running (a test JVM's shared ones) to use instead of
 *                     starting new ones; the stack then neither checks their ports nor stops them.
 *                     {@code null} starts emulators on {@code emulatorPorts} with {@code dataDir}.
 */
public record LocalStackOptions(Path projectRoot, Path dataDir, boolean reset, int apiPort, EmulatorPorts emulatorPorts,
                                Topology topology, String namePrefix, FunctionClasspath classpath,
                                boolean runSchedules, LocalAws localAws) {

    public static final String DEFAULT_PREFIX = "penguinmails-local-";
    public static final int DEFAULT_API_PORT = 8080;
    public static final String DEFAULT_DATA_DIR = ".local-data";

    public LocalStackOptions {
        Objects.requireNonNull(projectRoot, "projectRoot");
        Objects.requireNonNull(emulatorPorts, "emulatorPorts");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(namePrefix, "namePrefix");
        Objects.requireNonNull(classpath, "classpath");
        if (apiPort < 0 || apiPort > 65_535) {
            throw new LocalStackException("Port " + apiPort + " (API) is not a valid port; pass --api-port with a number from 1 to 65535.");
        }
    }

    /** The defaults of the run command: well-known ports, data under {@code .local-data}, the real topology. */
    public static LocalStackOptions defaults(Path projectRoot) {
        return new LocalStackOptions(projectRoot, projectRoot.resolve(DEFAULT_DATA_DIR), false, DEFAULT_API_PORT,
                EmulatorPorts.defaults(), PenguinMailsTopology.define(), DEFAULT_PREFIX,
                FunctionClasspath.builtJars(projectRoot), true, null);
    }

    /** Free ports and nothing persisted, for running the whole stack inside a test JVM. */
    public static LocalStackOptions ephemeral(Path projectRoot) {
        return new LocalStackOptions(projectRoot, null, false, 0, EmulatorPorts.ephemeral(),
                PenguinMailsTopology.define(), DEFAULT_PREFIX, FunctionClasspath.builtJars(projectRoot), false, null);
    }

    /** Runs another topology, with its functions' code where {@code newClasspath} says (tests). */
    public LocalStackOptions withTopology(Topology newTopology, FunctionClasspath newClasspath) {
        return new LocalStackOptions(projectRoot, dataDir, reset, apiPort, emulatorPorts, newTopology, namePrefix,
                newClasspath, runSchedules, localAws);
    }

    public LocalStackOptions withRunSchedules(boolean run) {
        return new LocalStackOptions(projectRoot, dataDir, reset, apiPort, emulatorPorts, topology, namePrefix,
                classpath, run, localAws);
    }

    /**
     * Runs on emulators that are already up (e.g. {@code TestAws.shared()}), under its own name prefix so
     * that it shares them with other tests without sharing data.
     */
    public LocalStackOptions withLocalAws(LocalAws running, String prefix) {
        return new LocalStackOptions(projectRoot, null, false, apiPort, emulatorPorts, topology, prefix, classpath,
                runSchedules, running);
    }

    /**
     * Reads the command line of {@code run-local.sh} over {@link #defaults(Path)}.
     *
     * @throws LocalStackException for an unknown option or a bad value, in one sentence
     */
    public static LocalStackOptions parse(List<String> args, Path projectRoot) {
        LocalStackOptions o = defaults(projectRoot);
        Path dataDir = o.dataDir;
        boolean reset = false;
        boolean schedules = true;
        int api = o.apiPort;
        EmulatorPorts p = o.emulatorPorts;
        int dynamodb = p.dynamodb();
        int sqs = p.sqs();
        int s3 = p.s3();
        int eventBridge = p.eventBridge();
        int ses = p.ses();
        int smtp = p.smtp();
        int imap = p.imap();
        List<String> queue = new ArrayList<>();
        for (String arg : args) {
            // Accept both "--api-port 8081" and "--api-port=8081".
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                queue.add(arg.substring(0, eq));
                queue.add(arg.substring(eq + 1));
            } else {
                queue.add(arg);
            }
        }
        for (int i = 0; i < queue.size(); i++) {
            String flag = queue.get(i);
            switch (flag) {
                case "--reset" -> reset = true;
                case "--no-schedules" -> schedules = false;
                case "--data-dir" -> dataDir = projectRoot.resolve(value(queue, ++i, flag));
                case "--api-port" -> api = port(queue, ++i, flag);
                case "--dynamodb-port" -> dynamodb = port(queue, ++i, flag);
                case "--sqs-port" -> sqs = port(queue, ++i, flag);
                case "--s3-port" -> s3 = port(queue, ++i, flag);
                case "--eventbridge-port" -> eventBridge = port(queue, ++i, flag);
                case "--ses-port" -> ses = port(queue, ++i, flag);
                case "--smtp-port" -> smtp = port(queue, ++i, flag);
                case "--imap-port" -> imap = port(queue, ++i, flag);
                default -> throw new LocalStackException("Unknown option " + flag + "; run with --help to see the options.");
            }
        }
        return new LocalStackOptions(projectRoot, dataDir, reset, api,
                new EmulatorPorts(dynamodb, sqs, s3, eventBridge, ses, smtp, imap), o.topology, o.namePrefix,
                o.classpath, schedules, null);
    }

    /** The options {@link #parse} understands, for {@code --help}. */
    public static String usage() {
        return """
                Usage: ./run-local.sh [--build] [--reset] [--data-dir DIR] [--api-port 8080] [--ses-port 8005]
                                      [--smtp-port 3025] [--imap-port 3143] [--dynamodb-port 8000] [--sqs-port 9324]
                                      [--s3-port 9000] [--eventbridge-port 9195] [--no-schedules]
                  --build          rebuild the jars first (otherwise only missing ones are built)
                  --reset          wipe the data folder (DynamoDB tables, S3 objects) before starting
                  --data-dir DIR   where data persists between runs (default .local-data)
                  --no-schedules   do not fire scheduled jobs on their rate; run them with
                                   POST /_local/schedules/{family}/{name}
                The DNS server listens on 127.0.0.1:8053 (UDP and TCP); publish zones with PUT /_local/dns/{zone}.
                The samples (samples/*.sh) find the running stack through PENGUINMAILS_API (default
                http://127.0.0.1:8080) and PENGUINMAILS_MAIL_VIEWER (default http://127.0.0.1:8005).
                """;
    }

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new LocalStackException("Option " + flag + " needs a value.");
        }
        return args.get(i);
    }

    private static int port(List<String> args, int i, String flag) {
        String v = value(args, i, flag);
        try {
            int port = Integer.parseInt(v);
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException(v);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new LocalStackException("Option " + flag + " needs a port number from 1 to 65535, not '" + v + "'.");
        }
    }
}
