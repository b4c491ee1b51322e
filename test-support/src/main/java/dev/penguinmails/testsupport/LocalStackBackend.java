package dev.penguinmails.testsupport;

import dev.penguinmails.emulators.EmulatorOptions;
import dev.penguinmails.emulators.EmulatorPorts;
import dev.penguinmails.emulators.ExternalAws;
import dev.penguinmails.emulators.LocalAws;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The {@code localstack} test backend: DynamoDB, SQS and S3 from a Testcontainers LocalStack, the rest
 * (EventBridge, SES, SMTP) from our emulators. This is the only class that touches Testcontainers, and
 * it is loaded only when that backend is chosen.
 */
final class LocalStackBackend {
    static final String NO_DOCKER = "LocalStack profile: no Docker engine on this machine, integration tests skipped";
    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:3.8");
    private static final Logger LOG = LoggerFactory.getLogger(LocalStackBackend.class);
    private static boolean warned;

    private LocalStackBackend() { }

    static LocalAws start() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            warnOnce();
            Assumptions.abort(NO_DOCKER);
        }
        LocalStackContainer container = new LocalStackContainer(IMAGE)
                .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.SQS,
                        LocalStackContainer.Service.S3);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "penguinmails-localstack-stop"));
        LOG.info("LocalStack {} serves DynamoDB, SQS and S3 at {}", IMAGE, container.getEndpoint());
        try {
            return LocalAws.start(new EmulatorOptions(EmulatorPorts.ephemeral(), null,
                    ExternalAws.at(container.getEndpoint())));
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }

    private static synchronized void warnOnce() {
        if (!warned) {
            warned = true;
            LOG.warn(NO_DOCKER);
            System.err.println("WARN " + NO_DOCKER);
        }
    }
}
