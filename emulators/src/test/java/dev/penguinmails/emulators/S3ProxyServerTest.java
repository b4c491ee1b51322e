package dev.penguinmails.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

@Tag("integration")
class S3ProxyServerTest {

    @Test
    void objectsInAFilesystemStoreSurviveARestart(@TempDir Path data) {
        try (S3ProxyServer first = S3ProxyServer.start(0, data); S3Client s3 = client(first)) {
            s3.createBucket(b -> b.bucket("kept"));
            s3.putObject(b -> b.bucket("kept").key("dir/file.txt").contentType("text/plain"),
                    RequestBody.fromString("persisted"));
        }
        try (S3ProxyServer second = S3ProxyServer.start(0, data); S3Client s3 = client(second)) {
            var object = s3.getObjectAsBytes(b -> b.bucket("kept").key("dir/file.txt"));
            assertThat(object.asUtf8String()).isEqualTo("persisted");
            assertThat(object.response().contentType()).isEqualTo("text/plain");
        }
    }

    private static S3Client client(S3ProxyServer server) {
        return S3Client.builder().endpointOverride(server.endpoint()).region(LocalAwsClients.REGION).forcePathStyle(true)
                .credentialsProvider(LocalAwsClients.CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}
