package dev.penguinmails.emulators;

import java.net.URI;
import java.util.Objects;

/**
 * DynamoDB, SQS and S3 served by something other than our emulators (e.g. a Testcontainers
 * LocalStack), so that the same tests can run against it. The other services stay local.
 */
public record ExternalAws(URI dynamodb, URI sqs, URI s3) {
    public ExternalAws {
        Objects.requireNonNull(dynamodb, "dynamodb");
        Objects.requireNonNull(sqs, "sqs");
        Objects.requireNonNull(s3, "s3");
    }

    /** One endpoint for all three, as LocalStack serves them. */
    public static ExternalAws at(URI endpoint) {
        return new ExternalAws(endpoint, endpoint, endpoint);
    }
}
