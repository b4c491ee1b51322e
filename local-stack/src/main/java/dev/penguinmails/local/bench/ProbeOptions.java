package dev.penguinmails.local.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The probe's command line: {@code --api URL (--function FAMILY --entry-point NAME | --reference)
 * [--path PATH --authorization VALUE [--authorizer-context JSON]] [--memory MB] [--project-root DIR]}.
 *
 * @param api               the running local stack's API base URL, e.g. {@code http://127.0.0.1:18080}
 * @param family            the family, or {@link ReferenceFunction#FAMILY} for the reference
 * @param entryPoint        the entry point's name in the topology: {@code api}, the authorizer's, a queue handler's or
 *                          a schedule's name
 * @param projectRoot       where the function jars are built ({@code FunctionSpec.jarPath()} under it)
 * @param path              for an HTTP API entry point, an authenticated {@code GET} of this path instead of the
 *                          signup; for an authorizer, the request it authorizes
 * @param authorization     the {@code Authorization} header of that request
 * @param authorizerContext the context an authorizer returned for it, which API Gateway hands the function
 * @param memoryMb          the reference's memory (a family's entry points have their family's)
 */
public record ProbeOptions(URI api, String family, String entryPoint, Path projectRoot, Optional<String> path,
                           Optional<String> authorization, Optional<String> authorizerContext, int memoryMb) {

    public static final String USAGE = "Usage: ColdStartProbe --api http://127.0.0.1:18080 (--function identity "
            + "--entry-point api|authorizer|emails|purge-workspaces | --reference [--memory MB]) "
            + "[--path /v1/workspaces/ID --authorization 'Bearer TOKEN' [--authorizer-context JSON]] "
            + "[--project-root DIR], or ColdStartProbe --list [--project-root DIR]";

    /**
     * Reads the arguments; the project root defaults to {@code workingDir}.
     *
     * @throws ProbeException (exit code 2) for a missing, unknown or malformed option
     */
    public static ProbeOptions parse(List<String> args, Path workingDir) {
        URI api = null;
        String family = null;
        String entryPoint = null;
        boolean reference = false;
        Path root = workingDir;
        String path = null;
        String authorization = null;
        String context = null;
        int memory = ReferenceFunction.DEFAULT_MEMORY_MB;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            switch (flag) {
                case "--api" -> api = apiUrl(value(args, ++i, flag));
                case "--function" -> family = value(args, ++i, flag);
                case "--entry-point" -> entryPoint = value(args, ++i, flag);
                case "--reference" -> reference = true;
                case "--project-root" -> root = workingDir.resolve(value(args, ++i, flag));
                case "--path" -> path = value(args, ++i, flag);
                case "--authorization" -> authorization = value(args, ++i, flag);
                case "--authorizer-context" -> context = value(args, ++i, flag);
                case "--memory" -> memory = memory(value(args, ++i, flag));
                default -> throw usage("Unknown option " + flag + ". " + USAGE);
            }
        }
        if (reference && (family != null || entryPoint != null)) {
            throw usage("--reference measures the reference function; it takes no --function or --entry-point. " + USAGE);
        }
        if (reference) {
            family = ReferenceFunction.FAMILY;
            entryPoint = "api";
        }
        if (api == null || family == null || entryPoint == null) {
            throw usage("--api, and --function with --entry-point (or --reference), are required. " + USAGE);
        }
        if ((path == null) != (authorization == null)) {
            throw usage("--path and --authorization go together: the authenticated request to send. " + USAGE);
        }
        if (path != null && !path.startsWith("/")) {
            throw usage("--path needs an absolute path such as /v1/workspaces/ID, not '" + path + "'.");
        }
        if (context != null && path == null) {
            throw usage("--authorizer-context belongs to an authenticated request (--path and --authorization). " + USAGE);
        }
        return new ProbeOptions(api, family, entryPoint, root.toAbsolutePath().normalize(), Optional.ofNullable(path),
                Optional.ofNullable(authorization), Optional.ofNullable(context), memory);
    }

    /** Whether the reference function is probed rather than a family's entry point. */
    public boolean reference() {
        return ReferenceFunction.FAMILY.equals(family);
    }

    private static int memory(String value) {
        try {
            int mb = Integer.parseInt(value);
            if (mb >= 128 && mb <= 10_240) {
                return mb;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw usage("--memory needs a Lambda memory size in MB (128 to 10240), not '" + value + "'.");
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
