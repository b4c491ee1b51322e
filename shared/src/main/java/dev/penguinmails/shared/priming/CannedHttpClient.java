package dev.penguinmails.shared.priming;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that never touches the network: it reads each request's body and answers 200 with the
 * JSON registered for the request's {@code X-Amz-Target} operation ({@code {}} otherwise). A client built on it
 * runs an operation's whole path (marshalling, endpoint rules, signing, interceptors, unmarshalling), which is
 * what a primer wants loaded before the first real call.
 */
final class CannedHttpClient implements SdkHttpClient {
    private final Map<String, String> answers;

    /** {@code answers}: response JSON by {@code X-Amz-Target} value, e.g. {@code DynamoDB_20120810.GetItem}. */
    CannedHttpClient(Map<String, String> answers) {
        this.answers = Map.copyOf(answers);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        byte[] body = answers.getOrDefault(target, "{}").getBytes(StandardCharsets.UTF_8);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                if (request.contentStreamProvider().isPresent()) {
                    try (InputStream sent = request.contentStreamProvider().get().newStream()) {
                        sent.transferTo(OutputStream.nullOutputStream());
                    }
                }
                SdkHttpResponse response = SdkHttpResponse.builder().statusCode(200)
                        .putHeader("Content-Type", "application/x-amz-json-1.0")
                        .putHeader("Content-Length", Integer.toString(body.length))
                        .putHeader("x-amzn-RequestId", "primer").build();
                return HttpExecuteResponse.builder().response(response)
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
            }

            @Override
            public void abort() {
                // Nothing is in flight.
            }
        };
    }

    @Override
    public String clientName() {
        return "Canned";
    }

    @Override
    public void close() {
        // Holds no connections.
    }
}
