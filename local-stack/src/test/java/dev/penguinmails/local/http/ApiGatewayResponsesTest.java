package dev.penguinmails.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiGatewayResponsesTest {
    private final ApiGatewayResponses responses = new ApiGatewayResponses(new ObjectMapper());

    @Test
    void statusHeadersCookiesAndBodyAreMapped() {
        HttpReply reply = responses.toReply("""
                {"statusCode":201,"headers":{"Content-Type":"application/json","Location":"/v1/things/1"},
                 "cookies":["a=1; Path=/","b=2; HttpOnly"],"body":"{\\"id\\":1}","isBase64Encoded":false}""");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("content-type")).containsExactly("application/json");
        assertThat(reply.header("Location")).containsExactly("/v1/things/1");
        assertThat(reply.header("Set-Cookie")).containsExactly("a=1; Path=/", "b=2; HttpOnly");
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
        assertThat(reply.ignored()).isEmpty();
    }

    @Test
    void aBase64BodyIsDecoded() {
        HttpReply reply = responses.toReply("{\"statusCode\":200,\"body\":\"AAEC/w==\",\"isBase64Encoded\":true}");

        assertThat(reply.body()).containsExactly(0, 1, 2, 0xff);
    }

    @Test
    void multiValueHeadersAreNotPartOfFormat2AndWhatOnlyTheyCarryIsReportedAsIgnored() {
        HttpReply reply = responses.toReply("""
                {"statusCode":200,"headers":{"Set-Cookie":"a=1"},
                 "multiValueHeaders":{"Set-Cookie":["a=1","b=2"],"X-Only-Here":["x"]},"body":""}""");

        assertThat(reply.header("Set-Cookie")).containsExactly("a=1");
        assertThat(reply.header("X-Only-Here")).isEmpty();
        assertThat(reply.ignored()).containsExactly("Set-Cookie: b=2", "X-Only-Here: x");
    }

    @Test
    void aResponseWithoutStatusCodeIsA200JsonBodyAsApiGatewayInfersIt() {
        HttpReply reply = responses.toReply("{\"message\":\"hello\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).containsExactly("application/json");
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"hello\"}");
    }

    @Test
    void aResponseThatIsNotJsonOrHasABadStatusIsInvalid() {
        assertThatThrownBy(() -> responses.toReply("not json")).isInstanceOf(ApiGatewayResponses.InvalidResponseException.class);
        assertThatThrownBy(() -> responses.toReply("{\"statusCode\":\"abc\"}"))
                .isInstanceOf(ApiGatewayResponses.InvalidResponseException.class);
        assertThatThrownBy(() -> responses.toReply("{\"statusCode\":200,\"body\":\"%%%\",\"isBase64Encoded\":true}"))
                .isInstanceOf(ApiGatewayResponses.InvalidResponseException.class);
    }
}
