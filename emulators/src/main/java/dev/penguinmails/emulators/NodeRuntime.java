package dev.penguinmails.emulators;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's {@code node} and the project's {@code node_modules} folder, which hold the
 * emulators that only exist as npm packages (dynalite, aws-ses-v2-local and the DNS server dns2).
 *
 * @param node        the node executable
 * @param nodeModules the {@code node_modules} folder that contains dynalite, aws-ses-v2-local and dns2
 */
public record NodeRuntime(Path node, Path nodeModules) {

    /** Overrides where {@code node_modules} is; either that folder or the folder that holds it. */
    public static final String NODE_MODULES_PROPERTY = "penguinmails.node-modules";
    /** The repository root, as the build passes it to tests; searched when the working folder has no node_modules. */
    public static final String REPO_ROOT_PROPERTY = "penguinmails.repo.root";
    /** Overrides which node executable runs the emulators (default: the first {@code node} on PATH). */
    public static final String NODE_PROPERTY = "penguinmails.node";

    static final String DYNALITE = "dynalite";
    static final String SES_LOCAL = "aws-ses-v2-local";
    static final String DNS2 = "dns2";
    private static final int MIN_MAJOR_VERSION = 18;
    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.");

    /**
     * Finds node and the npm packages, or throws an {@link EmulatorException} that says in one
     * sentence what to install.
     */
    public static NodeRuntime locate() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path node = findNode();
        if (node == null) {
            throw new EmulatorException("Node.js was not found on PATH; install Node " + MIN_MAJOR_VERSION
                    + "+ (https://nodejs.org) and run `npm ci` in " + projectRoot(start) + ".");
        }
        Path nodeModules = findNodeModules(start);
        if (nodeModules == null) {
            throw new EmulatorException("The emulators' npm packages (" + DYNALITE + ", " + SES_LOCAL + ", " + DNS2
                    + ") are not installed; run `npm ci` in " + projectRoot(start) + ".");
        }
        requireVersion(node);
        return new NodeRuntime(node, nodeModules);
    }

    /** A file inside an installed npm package, e.g. {@code module("dynalite", "cli.js")}. */
    public Path module(String packageName, String file) {
        return nodeModules.resolve(packageName).resolve(file);
    }

    /** The folder that holds {@code node_modules} and {@code package.json}. */
    public Path projectRoot() {
        return nodeModules.getParent();
    }

    private static Path findNode() {
        String override = System.getProperty(NODE_PROPERTY);
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, windows ? "node.exe" : "node");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Path findNodeModules(Path start) {
        String override = System.getProperty(NODE_MODULES_PROPERTY);
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override).toAbsolutePath();
            if (hasPackages(p)) {
                return p;
            }
            return hasPackages(p.resolve("node_modules")) ? p.resolve("node_modules") : null;
        }
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (hasPackages(dir.resolve("node_modules"))) {
                return dir.resolve("node_modules");
            }
        }
        String repoRoot = System.getProperty(REPO_ROOT_PROPERTY);
        if (repoRoot != null && !repoRoot.isBlank()) {
            Path candidate = Path.of(repoRoot).toAbsolutePath().resolve("node_modules");
            return hasPackages(candidate) ? candidate : null;
        }
        return null;
    }

    private static boolean hasPackages(Path nodeModules) {
        return Files.isRegularFile(nodeModules.resolve(DYNALITE).resolve("package.json"))
                && Files.isRegularFile(nodeModules.resolve(SES_LOCAL).resolve("package.json"))
                && Files.isRegularFile(nodeModules.resolve(DNS2).resolve("package.json"));
    }

    /** The nearest folder with a package.json, which is where {@code npm ci} must run. */
    private static Path projectRoot(Path start) {
        String repoRoot = System.getProperty(REPO_ROOT_PROPERTY);
        if (repoRoot != null && !repoRoot.isBlank() && Files.isRegularFile(Path.of(repoRoot, "package.json"))) {
            return Path.of(repoRoot).toAbsolutePath();
        }
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("package.json"))) {
                return dir;
            }
        }
        return start;
    }

    private static void requireVersion(Path node) {
        String version;
        try {
            Process p = new ProcessBuilder(node.toString(), "--version").redirectErrorStream(true).start();
            version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            throw new EmulatorException("Node.js at " + node + " could not be run (" + e.getMessage()
                    + "); install Node " + MIN_MAJOR_VERSION + "+ (https://nodejs.org).", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorException("Interrupted while checking the Node.js version.", e);
        }
        Matcher m = VERSION.matcher(version);
        if (m.lookingAt() && Integer.parseInt(m.group(1)) < MIN_MAJOR_VERSION) {
            throw new EmulatorException("Node.js " + version + " at " + node + " is too old; install Node "
                    + MIN_MAJOR_VERSION + "+ (https://nodejs.org).");
        }
    }
}
