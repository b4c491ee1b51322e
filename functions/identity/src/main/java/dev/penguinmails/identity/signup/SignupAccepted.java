package dev.penguinmails.identity.signup;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to every well-formed signup, new address or not, so the response never tells whether an
 * address is registered. The mailbox tells its owner what happened.
 */
@Serdeable
@Schema(name = "SignupAccepted")
public record SignupAccepted(
        @Schema(example = "pending-verification") String status,
        @Schema(example = "Check your inbox: we sent a link to verify your address.") String message) {

    public static final SignupAccepted INSTANCE = new SignupAccepted("pending-verification",
            "Check your inbox: we sent a link to verify your address. You can sign in now; "
                    + "sending campaigns unlocks once the address is verified.");
}
