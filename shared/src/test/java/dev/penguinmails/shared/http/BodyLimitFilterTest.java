package dev.penguinmails.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.shared.problems.Problem;
import dev.penguinmails.shared.testing.ConventionsTestController;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Oversized bodies are refused with 413 before anything runs. */
@MicronautTest
@Property(name = ConventionsTestController.ENABLED, value = "true")
@Property(name = BodyLimitFilter.MAX_BODY_BYTES_PROPERTY, value = "1024")
class BodyLimitFilterTest {
    @Inject
    EmbeddedServer server;
    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(server.getURL());
    }

    @Test
    void aBodyOverTheLimitIs413AndTheHandlerNeverRuns() {
        int before = ConventionsTestController.CREATED.get();

        Reply reply = http.post("/test/widgets", widget(1100), "X-Request-Id", "big-1");

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.header("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        assertThat(reply.json().get("type").asText()).endsWith("/payload-too-large");
        assertThat(reply.header("X-Request-Id")).hasValue("big-1");
        assertThat(ConventionsTestController.CREATED.get()).isEqualTo(before);
    }

    @Test
    void aBodyJustUnderTheLimitIsServed() {
        String body = widget(1000);
        assertThat(body.length()).isLessThanOrEqualTo(1024);

        assertThat(http.post("/test/widgets", body).status()).isEqualTo(201);
    }

    @Test
    void multiByteCharactersCountAsTheBytesTheyAre() {
        // 400 characters of 3 bytes each: 1200 bytes, although only 400 chars.
        String body = "{\"name\":\"" + "€".repeat(400) + "\",\"quantity\":1}";

        assertThat(http.post("/test/widgets", body).status()).isEqualTo(413);
    }

    @Test
    void theLimitAppliesBeforeRoutingToo() {
        assertThat(http.post("/no/such/route", widget(2000)).status()).isEqualTo(413);
    }

    private static String widget(int totalLength) {
        String prefix = "{\"quantity\":1,\"name\":\"";
        String suffix = "\"}";
        return prefix + "n".repeat(totalLength - prefix.length() - suffix.length()) + suffix;
    }
}
