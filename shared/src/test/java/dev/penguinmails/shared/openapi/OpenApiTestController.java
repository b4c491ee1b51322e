package dev.penguinmails.shared.openapi;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.Hidden;

/** Routes for {@link OpenApiCoverageTest}: documented, undocumented and hidden ones. */
@Requires(property = OpenApiTestController.ENABLED, value = "true")
@Controller("/openapi-test")
class OpenApiTestController {
    static final String ENABLED = "penguinmails.test.openapi-controller";

    @Get("/items{?limit}")
    String list(@Nullable @QueryValue String limit) {
        return "[]";
    }

    @Post("/items")
    String create() {
        return "{}";
    }

    @Get("/items/{itemId}")
    String find(@PathVariable String itemId) {
        return "{}";
    }

    @Delete("/items/{itemId}")
    void remove(@PathVariable String itemId) {
    }

    @Hidden
    @Get("/internal")
    String internal() {
        return "ok";
    }
}
