package dev.penguinmails.shared.aws;

import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Where the AWS services are: the region, and for the local stack and tests an endpoint per service.
 * On AWS no endpoint is configured and the SDK's defaults apply.
 */
@Singleton
public class AwsSettings {
    private final Environment environment;

    public AwsSettings(Environment environment) {
        this.environment = environment;
    }

    public Region region() {
        return Region.of(environment.getProperty(ConfigKeys.REGION, String.class)
                .or(() -> Optional.ofNullable(System.getenv("AWS_REGION")))
                .orElse("us-east-1"));
    }

    /** The function's Lambda timeout ({@link ConfigKeys#FUNCTION_TIMEOUT_SECONDS}), when it is given. */
    public Optional<Duration> functionTimeout() {
        return environment.getProperty(ConfigKeys.FUNCTION_TIMEOUT_SECONDS, Integer.class)
                .filter(seconds -> seconds > 0)
                .map(Duration::ofSeconds);
    }

    /** The endpoint override for {@code service} ({@code dynamodb}, {@code sqs}, ...), if any. */
    public Optional<URI> endpoint(String service) {
        return environment.getProperty(ConfigKeys.endpoint(service), String.class).map(URI::create);
    }
}
