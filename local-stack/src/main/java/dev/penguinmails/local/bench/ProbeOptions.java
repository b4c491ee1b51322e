package dev.penguinmails.local.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The probe's command line: {@code --api URL --function FAMILY --entry-point NAME [--project-root DIR]}.
 *
 * @param api         the running local stack's API base URL, e.g. {@code http://127.0.0.1:18080}
 * @param entryPoint  the entry point's name in the topology: {@code api}, a queue handler's or a schedule's name
 * @param projectRoot where the function jars are built ({@code FunctionSpec.jarPath()} under it)
 */
public record ProbeOptions(URI api, String family, String entryPoint, Path projectRoot) {

    public static final String USAGE = "Usage: ColdStartProbe --api http://127.0.0.1:18080 --function identity "
            + "--entry-point api|emails|purge-workspaces [--project-root DIR], or ColdStartProbe --list";

    /**
     * Reads the arguments; the project root defaults to {@code workingDir}.
     *
     * @throws ProbeException (exit code 2) for a missing, unknown or malformed option
     */
    public static ProbeOptions parse(List<String> args, Path workingDir) {
        URI api = null;
        String family = null;
        String entryPoint = null;
        Path root = workingDir;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            switch (flag) {
                case "--api" -> api = apiUrl(value(args, ++i, flag));
                case "--function" -> family = value(args, ++i, flag);
                case "--entry-point" -> entryPoint = value(args, ++i, flag);
                case "--project-root" -> root = workingDir.resolve(value(args, ++i, flag));
                default -> throw usage("Unknown option " + flag + ". " + USAGE);
            }
        }
        if (api == null || family == null || entryPoint == null) {
            throw usage("--api, --function and --entry-point are required. " + USAGE);
        }
        return new ProbeOptions(api, family, entryPoint, root.toAbsolutePath().normalize());
    }

    private static URI apiUrl(String value) {
        URI uri;
        try {
            uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (IllegalArgumentException e) {
            throw usage("--api needs a URL such as http://127.0.0.1:18080, not '" + value + "'.");
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
            throw usage("--api needs a URL with a host and port such as http://127.0.0.1:18080, not '" + value + "'.");
        }
        return uri;
    }

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw usage("Option " + flag + " needs a value. " + USAGE);
        }
        return args.get(i);
    }

    private static ProbeException usage(String message) {
        return new ProbeException(ProbeException.USAGE, message);
    }
}
