package dev.penguinmails.local.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.penguinmails.emulators.LoopbackHttpServers;
import dev.penguinmails.local.LocalStackException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP port of the local stack on 127.0.0.1: local endpoints first (admin, docs), everything
 * else through the local API Gateway. Request bodies over API Gateway's payload limit are refused
 * with 413 before anything is invoked.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private ApiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds 127.0.0.1:{@code port} (0 picks a free port) and starts serving. */
    public static ApiServer start(int port, ApiGateway gateway, List<LocalEndpoint> endpoints) {
        return bind(port).serve(gateway, endpoints);
    }

    /**
     * Binds 127.0.0.1:{@code port} (0 picks a free port) without serving yet, so that the real port, which
     * links in emails must name, is known before the functions are configured.
     */
    public static ApiServer bind(int port) {
        HttpServer server;
        try {
            server = LoopbackHttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (BindException e) {
            throw new LocalStackException("Port " + port + " (API) is already in use; pass --api-port to choose another.", e);
        } catch (IOException e) {
            throw new LocalStackException("The API port " + port + " could not be opened: " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "api-gateway-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        return new ApiServer(server, executor);
    }

    /** Starts answering: local endpoints first, everything else through {@code gateway}. */
    public ApiServer serve(ApiGateway gateway, List<LocalEndpoint> endpoints) {
        server.createContext("/", exchange -> serve(exchange, gateway, endpoints));
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void serve(HttpExchange exchange, ApiGateway gateway, List<LocalEndpoint> endpoints) {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String requestId = ApiGatewayEvents.newRequestId();
            long limit = gateway.limits().maxRequestBytes();
            byte[] body = readBody(exchange, limit);
            HttpReply reply;
            if (body == null) {
                reply = Problems.reply(413, "payload-too-large", "Payload Too Large",
                        "The request body exceeds API Gateway's " + limit / (1024 * 1024) + " MB limit.", rawPath);
            } else {
                GatewayRequest request = new GatewayRequest(exchange.getRequestMethod(), rawPath, uri.getRawQuery(),
                        exchange.getProtocol(), headers(exchange.getRequestHeaders()), body,
                        exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getLocalAddress().getPort(),
                        requestId, Instant.now());
                LocalEndpoint local = endpoints.stream().filter(e -> e.accepts(rawPath)).findFirst().orElse(null);
                reply = local != null ? local.handle(request) : gateway.handle(request);
            }
            write(exchange, reply, requestId);
        } catch (IOException e) {
            // The client went away; nothing to answer.
            LOG.debug("Writing the response failed", e);
        } catch (RuntimeException e) {
            LOG.error("Serving {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            try {
                write(exchange, Problems.reply(500, "internal-error", "Internal Server Error",
                        "The local stack failed to serve this request; see its log.", null), null);
            } catch (IOException | RuntimeException ignored) {
                // Headers were probably sent already.
            }
        }
    }

    /** The body, or null when it is larger than {@code limit}. */
    private static byte[] readBody(HttpExchange exchange, long limit) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > limit) {
                    return null;
                }
            } catch (NumberFormatException ignored) {
                // Read it and count instead.
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = exchange.getRequestBody()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                if (out.size() > limit) {
                    return null;
                }
            }
        }
        return out.toByteArray();
    }

    private static Map<String, List<String>> headers(Headers headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return copy;
    }

    private static void write(HttpExchange exchange, HttpReply reply, String requestId) throws IOException {
        Headers out = exchange.getResponseHeaders();
        for (Map.Entry<String, String> header : reply.headers()) {
            String name = header.getKey();
            // The server frames the body itself; a function's own framing headers would contradict it.
            if (name.equalsIgnoreCase("content-length") || name.equalsIgnoreCase("transfer-encoding")
                    || name.equalsIgnoreCase("connection")) {
                continue;
            }
            out.add(name, header.getValue());
        }
        if (requestId != null && !out.containsKey("Apigw-Requestid")) {
            out.add("Apigw-Requestid", requestId);
        }
        byte[] body = reply.body();
        boolean noBody = exchange.getRequestMethod().equalsIgnoreCase("HEAD") || reply.status() == 204
                || reply.status() == 304 || reply.status() < 200;
        exchange.sendResponseHeaders(reply.status(), noBody || body.length == 0 ? -1 : body.length);
        if (!noBody && body.length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }
}
