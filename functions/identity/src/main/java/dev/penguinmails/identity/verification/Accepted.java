package dev.penguinmails.identity.verification;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to a request for an email, the same whether or not an account has the address. */
@Serdeable
@Schema(name = "Accepted")
public record Accepted(@Schema(example = "accepted") String status, String message) {
    public static Accepted of(String message) {
        return new Accepted("accepted", message);
    }
}
