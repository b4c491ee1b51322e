package dev.penguinmails.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reference answers through the same API Gateway v2 handler Lambda runs, as the cold-start probe calls it. */
class ReferenceControllerTest {

    @Test
    void answersThroughTheLambdaHandler() throws Exception {
        // What the local stack gives every function: a stage with development defaults for shared's secrets.
        System.setProperty("penguinmails.stage", "test");
        System.setProperty("penguinmails.event-bus", "reference-never-published-to");
        System.setProperty("penguinmails.aws.region", "us-east-1");
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("GET " + ReferenceController.PATH)
                .withRawPath(ReferenceController.PATH).withRawQueryString("")
                .withHeaders(Map.of("host", "localhost", "accept", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                .withPath(ReferenceController.PATH).withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1").build())
                        .withRequestId("reference-test").build())
                .build();
        try (APIGatewayV2HTTPEventFunction handler = new APIGatewayV2HTTPEventFunction()) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            assertThat(response.getBody()).isEqualTo("{\"status\":\"ok\"}");
        }
    }
}
