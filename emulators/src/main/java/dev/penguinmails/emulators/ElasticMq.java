package dev.penguinmails.emulators;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;

/**
 * SQS, emulated by an embedded ElasticMQ server (in memory: queues and messages do not survive a
 * restart, which is why provisioning creates them again every time).
 */
public final class ElasticMq implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";

    private final SQSRestServer server;
    private final int port;

    private ElasticMq(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts ElasticMQ on 127.0.0.1; port 0 lets the OS pick one. The first start takes a few seconds. */
    public static ElasticMq start(int port) {
        TheSQSRestServerBuilder builder = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withAWSRegion(REGION)
                .withAWSAccountId(ACCOUNT_ID);
        builder = port == 0 ? builder.withDynamicPort() : builder.withPort(port);
        SQSRestServer server = builder.start();
        try {
            int actual = server.waitUntilStarted().localAddress().getPort();
            return new ElasticMq(server, actual);
        } catch (RuntimeException e) {
            server.stopAndWait();
            throw new EmulatorException("ElasticMQ could not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
