package dev.penguinmails.localruntime;

import dev.penguinmails.shared.auth.PublicEndpoint;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Echoes what the API Gateway v2 event carried, so the invoker test can check that Micronaut's proxy
 * handler read every field. Only present when the invoker test switches it on.
 *
 * <p>It reads a cookie and sets two: API Gateway sends payload 2.0 cookies in the {@code cookies} array
 * and takes them back in the response's {@code cookies}, which micronaut-aws 4.11.0 does neither of
 * ({@link HttpApiFunction} does).
 */
@Hidden
@PublicEndpoint
@Requires(property = LocalInvokerTestController.ENABLED, value = "true")
@Controller("/_local-invoker-test")
class LocalInvokerTestController {
    static final String ENABLED = "penguinmails.test.local-invoker-controller";

    @Post(uri = "/echo/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Echo> echo(@PathVariable String id, @QueryValue String q, @Header("x-custom") String custom,
                            @Nullable @CookieValue("theme") String theme, @Body Named body) {
        return HttpResponse.created(new Echo(id, q, custom, body.name(), theme))
                .header(HttpHeaders.LOCATION, "/things/" + id)
                .header("X-Multi", "a")
                .cookie(io.micronaut.http.cookie.Cookie.of("seen", "yes"))
                .cookie(io.micronaut.http.cookie.Cookie.of("refresh", "r1").httpOnly(true).path("/v1/auth"));
    }

    /** The request body. */
    @Serdeable
    record Named(String name) { }

    /** What the controller saw. */
    @Serdeable
    record Echo(String id, String q, String custom, String name, @Nullable String theme) { }
}
