package dev.penguinmails.local.functions;

import dev.penguinmails.local.LocalStackException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * One function family's code in a class loader of its own whose parent is the platform class loader,
 * as in a Lambda execution environment: nothing of the local stack (or of another function) is
 * visible to it, so each function's Micronaut context holds only its own beans.
 *
 * <p>Handlers run through {@code dev.penguinmails.localruntime.LocalInvoker}, which the local stack adds
 * to every function's class path (the {@code local-runtime} module; Lambda jars never contain it); only
 * strings cross the class-loader boundary. The invoker also hands the function its own environment,
 * so a function sees the resource names of its own access and nothing else.
 */
public final class FunctionJar implements AutoCloseable {
    public static final String INVOKER = "dev.penguinmails.localruntime.LocalInvoker";

    private final String family;
    private final List<Path> classpath;
    private final URLClassLoader loader;
    private final Method invoke;
    private final Method initialize;
    private final Method isWarm;

    private FunctionJar(String family, List<Path> classpath, URLClassLoader loader, Method invoke) {
        this.family = family;
        this.classpath = classpath;
        this.loader = loader;
        this.invoke = invoke;
        this.initialize = optionalMethod(invoke.getDeclaringClass(), "initialize");
        this.isWarm = optionalMethod(invoke.getDeclaringClass(), "isWarm");
    }

    /** As {@link #open(String, List, Map)}, with an empty environment. */
    public static FunctionJar open(String family, List<Path> classpath) {
        return open(family, classpath, Map.of());
    }

    /**
     * Opens the function's jar (or, in tests, jars and folders) with the local runtime in a new isolated
     * class loader, and gives the function {@code environment} as Lambda gives it environment variables.
     *
     * @throws LocalStackException if a path is missing or the code lacks the classes the invoker needs
     */
    public static FunctionJar open(String family, List<Path> classpath, Map<String, String> environment) {
        List<URL> urls = new ArrayList<>();
        for (Path path : withLocalRuntime(classpath)) {
            if (!Files.exists(path)) {
                throw new LocalStackException("The " + family + " function's jar " + path
                        + " does not exist; build it with ./run-local.sh --build.");
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new LocalStackException("The path " + path + " cannot be loaded: " + e.getMessage(), e);
            }
        }
        URLClassLoader loader = new URLClassLoader("function-" + family, urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        try {
            Class<?> invoker = Class.forName(INVOKER, true, loader);
            Method invoke = invoker.getMethod("invoke", String.class, String.class, String.class, long.class);
            invoker.getMethod("configure", Map.class).invoke(null, Map.copyOf(environment));
            return new FunctionJar(family, List.copyOf(classpath), loader, invoke);
        } catch (ReflectiveOperationException | LinkageError e) {
            closeQuietly(loader);
            throw new LocalStackException("The " + family + " function's code cannot run " + INVOKER
                    + " (" + e + "); it must be a Lambda jar built with the shared module (./run-local.sh --build).", e);
        }
    }

    /** The function's class path with the local runtime ({@value #INVOKER} and its environment hook) after it. */
    static List<Path> withLocalRuntime(List<Path> classpath) {
        Path runtime = localRuntime();
        if (classpath.stream().anyMatch(p -> p.toAbsolutePath().equals(runtime))) {
            return classpath;
        }
        List<Path> all = new ArrayList<>(classpath);
        all.add(runtime);
        return all;
    }

    /** Where the local-runtime module is on this JVM's class path: its jar, or its classes folder in a build. */
    static Path localRuntime() {
        String resource = INVOKER.replace('.', '/') + ".class";
        URL url = FunctionJar.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new LocalStackException("The local stack's class path lacks the local-runtime module ("
                    + INVOKER + "); rebuild with ./run-local.sh --build.");
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                String file = url.getPath().substring(0, url.getPath().indexOf("!/"));
                return Path.of(new URL(file).toURI()).toAbsolutePath();
            }
            Path classFile = Path.of(url.toURI());
            Path root = classFile;
            for (int i = 0; i < INVOKER.split("\\.").length; i++) {
                root = root.getParent();
            }
            return root.toAbsolutePath();
        } catch (MalformedURLException | java.net.URISyntaxException e) {
            throw new LocalStackException("The local-runtime module at " + url + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    public String family() {
        return family;
    }

    public ClassLoader classLoader() {
        return loader;
    }

    /**
     * Runs {@code handlerClass} with the event on the calling thread, with the function's class loader as
     * the thread's context class loader.
     *
     * @return the handler's JSON response
     * @throws HandlerException if the handler (or its initialization) threw
     */
    public String invoke(String handlerClass, String eventJson, String functionName, long timeoutMillis) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return (String) invoke.invoke(null, handlerClass, eventJson, functionName, timeoutMillis);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new HandlerException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Lambda's init phase for one handler: creates it (and its Micronaut context) unless done already.
     *
     * @throws HandlerException if the handler's construction threw
     */
    public void initialize(String handlerClass) {
        if (initialize == null || Boolean.TRUE.equals(call(isWarm, handlerClass))) {
            return;
        }
        call(initialize, handlerClass);
    }

    private Object call(Method method, String handlerClass) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return method.invoke(null, handlerClass);
        } catch (InvocationTargetException e) {
            throw new HandlerException(e.getCause() == null ? e : e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A method of the invoker that jars built with an older shared module may lack. */
    private static Method optionalMethod(Class<?> invoker, String name) {
        try {
            return invoker.getMethod(name, String.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** The text of every file in the function's jars whose path is under {@code folder} and ends with {@code suffix}. */
    public List<String> resources(String folder, String suffix) {
        List<String> found = new ArrayList<>();
        for (Path path : classpath) {
            try {
                if (Files.isDirectory(path)) {
                    Path dir = path.resolve(folder);
                    if (Files.isDirectory(dir)) {
                        try (Stream<Path> files = Files.list(dir)) {
                            for (Path f : files.filter(f -> f.toString().endsWith(suffix)).sorted().toList()) {
                                found.add(Files.readString(f, StandardCharsets.UTF_8));
                            }
                        }
                    }
                } else {
                    try (JarFile jar = new JarFile(path.toFile())) {
                        List<JarEntry> entries = jar.stream()
                                .filter(e -> !e.isDirectory() && e.getName().startsWith(folder + "/")
                                        && e.getName().endsWith(suffix))
                                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                                .toList();
                        for (JarEntry entry : entries) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                found.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Reading " + folder + " from " + path + " failed", e);
            }
        }
        return found;
    }

    /** Closes the cached handlers (their Micronaut contexts), then the class loader. */
    @Override
    public void close() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            invoke.getDeclaringClass().getMethod("closeAll").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Shutting down: report and go on closing the rest.
            System.err.println("Closing the " + family + " function's handlers failed: " + e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        closeQuietly(loader);
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // Nothing useful to do when a jar file handle does not close.
        }
    }

    /** A handler threw; the cause is the function's own exception (of a class in the function's loader). */
    public static final class HandlerException extends RuntimeException {
        HandlerException(Throwable cause) {
            super(cause.getClass().getName() + ": " + cause.getMessage(), cause);
        }

        /** Lambda's {@code errorType}: the simple name of the exception the handler threw. */
        public String errorType() {
            return getCause().getClass().getSimpleName();
        }

        /** Lambda's {@code errorMessage}. */
        public String errorMessage() {
            return String.valueOf(getCause().getMessage());
        }
    }
}
