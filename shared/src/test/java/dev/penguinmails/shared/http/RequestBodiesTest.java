package dev.penguinmails.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestBodiesTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "a", "ab", "abc", "abcd", "{\"name\":\"Zoë 🐧\"}", "€€€"})
    void theSizeOfAnApiGatewayBodyIsItsDecodedByteCountEncodedOrNot(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        APIGatewayV2HTTPEvent plain = APIGatewayV2HTTPEvent.builder().withBody(text).withIsBase64Encoded(false).build();
        APIGatewayV2HTTPEvent encoded = APIGatewayV2HTTPEvent.builder()
                .withBody(Base64.getEncoder().encodeToString(bytes)).withIsBase64Encoded(true).build();

        assertThat(RequestBodies.sizeOf(plain)).isEqualTo(bytes.length);
        assertThat(RequestBodies.sizeOf(encoded)).isEqualTo(bytes.length);
    }

    @Test
    void noBodyIsZero() {
        assertThat(RequestBodies.sizeOf(APIGatewayV2HTTPEvent.builder().build())).isZero();
    }
}
