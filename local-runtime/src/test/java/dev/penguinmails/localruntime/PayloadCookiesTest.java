package dev.penguinmails.shared.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Payload 2.0 cookies in and out, as API Gateway sends and expects them. */
class PayloadCookiesTest {

    @Test
    void theEventsCookiesBecomeOneCookieHeader() {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withHeaders(Map.of("accept", "application/json"))
                .withCookies(List.of("session=abc", "theme=dark"))
                .build();

        PayloadCookies.intoRequest(event);

        assertThat(event.getHeaders()).containsEntry("cookie", "session=abc; theme=dark")
                .containsEntry("accept", "application/json");
    }

    @Test
    void everySetCookieLeavesInTheCookiesArrayAndNoneInTheHeaders() {
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("Set-Cookie", "a=1", "Content-Type", "application/json"))
                .withMultiValueHeaders(Map.of("Set-Cookie", List.of("a=1", "b=2"), "Content-Type", List.of("application/json")))
                .build();

        PayloadCookies.intoResponse(response);

        assertThat(response.getCookies()).containsExactly("a=1", "b=2");
        assertThat(response.getHeaders()).containsOnlyKeys("Content-Type");
        assertThat(response.getMultiValueHeaders()).containsOnlyKeys("Content-Type");
    }

    @Test
    void aResponseWithoutCookiesIsLeftAlone() {
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder().withStatusCode(204)
                .withHeaders(Map.of("X-A", "1")).build();

        PayloadCookies.intoResponse(response);

        assertThat(response.getCookies()).isNull();
        assertThat(response.getHeaders()).containsEntry("X-A", "1");
    }

    @Test
    void everyCookieOfACookieHeaderIsRead() {
        List<io.micronaut.http.cookie.Cookie> cookies = new RequestCookieDecoder().decode("session=abc; theme=\"dark\";;x= 1 ");

        assertThat(cookies).extracting(io.micronaut.http.cookie.Cookie::getName).containsExactly("session", "theme", "x");
        assertThat(cookies).extracting(io.micronaut.http.cookie.Cookie::getValue).containsExactly("abc", "dark", "1");
        assertThat(io.micronaut.http.cookie.ServerCookieDecoder.INSTANCE).isInstanceOf(RequestCookieDecoder.class);
    }
}
