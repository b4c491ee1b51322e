package dev.penguinmails.shared.aws;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The function's S3 presigner, built on first use with the S3 client's region, endpoint and credentials
 * (path-style addressing and local credentials when an endpoint is overridden, as {@link AwsClients} does), and
 * closed with the context. A presigned URL is signed locally: it costs no call.
 */
@Singleton
public class S3Presigners {
    private final AwsSettings aws;
    private S3Presigner presigner;

    public S3Presigners(AwsSettings aws) {
        this.aws = aws;
    }

    public synchronized S3Presigner presigner() {
        if (presigner == null) {
            S3Presigner.Builder builder = S3Presigner.builder().region(aws.region());
            Optional<URI> endpoint = aws.endpoint("s3");
            if (endpoint.isPresent()) {
                builder.endpointOverride(endpoint.get())
                        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
            } else {
                builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
            }
            presigner = builder.build();
        }
        return presigner;
    }

    @PreDestroy
    synchronized void close() {
        if (presigner != null) {
            presigner.close();
        }
    }
}
