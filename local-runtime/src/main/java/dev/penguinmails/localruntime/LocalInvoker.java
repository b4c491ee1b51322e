package dev.penguinmails.localruntime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bridge through which the local stack runs this jar's Lambda handlers as the Lambda Java runtime
 * does: one cached handler instance per class, the event JSON deserialized into the handler's input
 * type, a {@link Context}, and the output serialized back to JSON.
 *
 * <p>The local stack loads each function jar, with this module beside it, in its own class loader and
 * calls {@link #configure} and {@link #invoke} reflectively, so the signatures use JDK types only.
 * Because this class is loaded by the function's class loader, its static cache and environment are
 * per function, like a Lambda execution environment. Lambda jars never contain it.
 */
public final class LocalInvoker {
    private static final Map<String, LoadedHandler> HANDLERS = new ConcurrentHashMap<>();

    private LocalInvoker() { }

    /**
     * Gives this function its environment, as Lambda gives environment variables: every Micronaut context
     * built afterwards reads it (see {@link FunctionEnvironmentSource}). Call it before the first handler is built.
     */
    public static void configure(Map<String, String> environment) {
        FunctionEnvironmentSource.set(environment);
    }

    /**
     * Invokes {@code handlerClass} with {@code eventJson} and returns the JSON response.
     *
     * @param functionName   the Lambda function name the context reports
     * @param timeoutMillis  the function timeout; the context counts the remaining time down from it
     * @throws RuntimeException whatever the handler threw (Lambda reports it as a function error)
     */
    public static String invoke(String handlerClass, String eventJson, String functionName, long timeoutMillis) {
        return invoke(handlerClass, eventJson, new LocalLambdaContext(functionName, timeoutMillis));
    }

    /** As {@link #invoke(String, String, String, long)}, with a context the caller built (tests). */
    public static String invoke(String handlerClass, String eventJson, Context context) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Micronaut and the ServiceLoader look things up through the context class loader.
        thread.setContextClassLoader(LocalInvoker.class.getClassLoader());
        try {
            return HANDLERS.computeIfAbsent(handlerClass, LocalInvoker::load).invoke(eventJson, context);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Instantiates {@code handlerClass} unless that happened already: Lambda's init phase, which runs
     * before (and is not counted in) the first invocation's timeout.
     */
    public static void initialize(String handlerClass) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(LocalInvoker.class.getClassLoader());
        try {
            HANDLERS.computeIfAbsent(handlerClass, LocalInvoker::load);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Whether {@code handlerClass} has been instantiated (its cold start is behind it). */
    public static boolean isWarm(String handlerClass) {
        return HANDLERS.containsKey(handlerClass);
    }

    /** Closes every cached handler (their Micronaut contexts), as when Lambda retires an environment. */
    public static void closeAll() {
        List<LoadedHandler> handlers = new ArrayList<>(HANDLERS.values());
        HANDLERS.clear();
        for (LoadedHandler handler : handlers) {
            if (handler.instance() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Shutting down: a handler that fails to close must not stop the others.
                    System.err.println("Closing " + handler.instance().getClass().getName() + " failed: " + e);
                }
            }
        }
    }

    private static LoadedHandler load(String handlerClass) {
        ClassLoader loader = LocalInvoker.class.getClassLoader();
        Class<?> type;
        try {
            type = Class.forName(handlerClass, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Handler class " + handlerClass + " is not in this function's jar", e);
        }
        Object instance;
        try {
            instance = type.getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Handler " + handlerClass + " failed to initialize", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Handler " + handlerClass + " needs a public no-argument constructor", e);
        }
        if (instance instanceof RequestStreamHandler stream) {
            return new StreamHandler(stream);
        }
        if (instance instanceof RequestHandler<?, ?> handler) {
            return new PojoHandler(handler, HandlerSignature.of(type), LambdaSerializer.forClassLoader(loader));
        }
        throw new IllegalArgumentException(handlerClass + " implements neither RequestHandler nor RequestStreamHandler");
    }

    /** A handler instance, created once and reused for every invocation. */
    private sealed interface LoadedHandler permits PojoHandler, StreamHandler {
        Object instance();

        String invoke(String eventJson, Context context);
    }

    private record PojoHandler(RequestHandler<?, ?> instance, HandlerSignature signature, LambdaSerializer serializer)
            implements LoadedHandler {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public String invoke(String eventJson, Context context) {
            Object input = serializer.read(eventJson, signature.input());
            Object output = ((RequestHandler) instance).handleRequest(input, context);
            return serializer.write(output, signature.output());
        }
    }

    private record StreamHandler(RequestStreamHandler instance) implements LoadedHandler {
        @Override
        public String invoke(String eventJson, Context context) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                instance.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, context);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
