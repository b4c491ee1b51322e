package dev.penguinmails.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * S3, emulated by an embedded S3Proxy. Objects live in files under a data folder when one is given,
 * otherwise in memory. Requests are not authenticated, so any signed SDK request is accepted.
 */
public final class S3ProxyServer implements AutoCloseable {
    private final S3Proxy proxy;

    private S3ProxyServer(S3Proxy proxy) {
        this.proxy = proxy;
    }

    /**
     * Starts S3Proxy on 127.0.0.1.
     *
     * @param port    the port, or 0 for one the OS picks
     * @param dataDir where to keep buckets as folders, or {@code null} to keep them in memory
     */
    public static S3ProxyServer start(int port, Path dataDir) {
        return start(port, dataDir, null);
    }

    /** Starts S3Proxy telling {@code notifications} (when not null) of every object created. */
    public static S3ProxyServer start(int port, Path dataDir, S3Notifications notifications) {
        requireJacksonAnnotations();
        BlobStore stored = dataDir == null ? new TransientNio2BlobStore() : filesystem(dataDir);
        BlobStore store = notifications == null ? stored : new NotifyingBlobStore(stored, notifications);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.NONE, null, null)
                // No graceful stop: Jetty would wait seconds for idle keep-alive connections of the SDK.
                .stopTimeout(0)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new EmulatorException("S3Proxy did not start within 10 s (state " + proxy.getState() + ").");
                }
                Thread.sleep(10);
            }
            return new S3ProxyServer(proxy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorException("Interrupted while starting S3Proxy.", e);
        } catch (EmulatorException e) {
            throw e;
        } catch (Exception e) {
            throw new EmulatorException("S3Proxy could not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return proxy.getPort();
    }

    /** The endpoint for the SDK's endpoint override; the client must use path-style addressing. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new EmulatorException("S3Proxy did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /**
     * S3Proxy runs on Jackson 3, which needs a recent jackson-annotations; Micronaut's BOM pins an
     * older one in every module that does not override it, and the failure would otherwise surface
     * as a NoClassDefFoundError deep inside the first S3 request.
     */
    private static void requireJacksonAnnotations() {
        try {
            Class.forName("com.fasterxml.jackson.annotation.JsonSerializeAs", false, S3ProxyServer.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            Package annotations = com.fasterxml.jackson.annotation.JsonProperty.class.getPackage();
            throw new EmulatorException("S3Proxy needs com.fasterxml.jackson.core:jackson-annotations 2.22 or newer but "
                    + annotations.getImplementationVersion() + " is on the classpath; pin 2.22 in the root pom's "
                    + "dependencyManagement.", e);
        }
    }

    private static BlobStore filesystem(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FilesystemNio2BlobStore(dataDir.toAbsolutePath().toString());
    }
}
