package dev.penguinmails.reference;

import dev.penguinmails.shared.auth.PublicEndpoint;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The reference function's only endpoint, {@code GET /reference}: it answers without touching anything, so
 * that its cold start is the Micronaut Lambda floor every family stands on.
 */
@Controller("/reference")
public class ReferenceController {
    /** The path the cold-start probe calls. */
    public static final String PATH = "/reference";

    @Get(produces = MediaType.APPLICATION_JSON)
    @PublicEndpoint
    public Reply get() {
        return new Reply("ok");
    }

    /** The constant answer. */
    @Serdeable
    public record Reply(String status) { }
}
