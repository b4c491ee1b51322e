package dev.penguinmails.shared.pagination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.shared.testing.ConventionsTestController;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A controller parameter of type PageRequest is bound from limit and cursor, with problems for bad values. */
@MicronautTest
@Property(name = ConventionsTestController.ENABLED, value = "true")
class PageRequestBinderTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void limitAndCursorComeFromTheQueryString() {
        TestHttp http = new TestHttp(server.getURL());

        assertThat(http.get("/test/page").body()).isEqualTo("25 null");
        assertThat(http.get("/test/page?limit=7&cursor=abc_-1").body()).isEqualTo("7 abc_-1");
    }

    @Test
    void aPageAlwaysShowsItsItemsAndNextCursor() throws Exception {
        assertThat(json.writeValueAsString(Page.last(List.of()))).isEqualTo("{\"items\":[],\"nextCursor\":null}");
        assertThat(json.writeValueAsString(new Page<>(List.of("a"), "c1"))).isEqualTo("{\"items\":[\"a\"],\"nextCursor\":\"c1\"}");
    }

    @Test
    void aBadLimitIsA400ProblemNamingTheField() {
        Reply reply = new TestHttp(server.getURL()).get("/test/page?limit=500");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("type").asText()).endsWith("/validation-failed");
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("limit");
    }
}
