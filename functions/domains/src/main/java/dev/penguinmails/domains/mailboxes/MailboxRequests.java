package dev.penguinmails.domains.mailboxes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the mailbox endpoints. */
public final class MailboxRequests {
    private MailboxRequests() { }

    /** POST .../mailboxes. */
    @Serdeable
    @Schema(name = "ConnectMailbox")
    public record Connect(
            @NotBlank @Size(max = 320) @Schema(description = "The address it sends from, on one of the workspace's domains",
                    example = "ana@outreach.acme.com") String address,
            @Nullable @Size(max = 200) @Schema(description = "The name recipients see", example = "Ana Souza") String displayName,
            @Nullable @Pattern(regexp = "^(smtp|ses)$") @Schema(description = "smtp (default): its own SMTP and IMAP servers; "
                    + "ses: Amazon SES through the domain's identity, signed with the domain's DKIM key") String provider,
            @Nullable @Valid @Schema(type = "object", description = "Required for smtp") Server smtp,
            @Nullable @Valid @Schema(type = "object", description = "Required for smtp: replies and bounces are read from it") Server imap,
            @Nullable @Min(1) @Schema(description = "How many it may send a day, warm-up allowing (default 30)") Integer dailyLimit,
            @Nullable @Valid @Schema(type = "object") Ramp warmup,
            @Nullable @Size(max = 10000) @Schema(description = "HTML appended to its messages") String signatureHtml) { }

    /** PATCH .../mailboxes/{id}: only what is given changes; an empty string clears a text. */
    @Serdeable
    @Schema(name = "UpdateMailbox")
    public record Update(@Nullable @Size(max = 200) String displayName,
                         @Nullable @Min(1) Integer dailyLimit,
                         @Nullable @Valid @Schema(type = "object") Ramp warmup,
                         @Nullable @Size(max = 10000) String signatureHtml,
                         @Nullable @Valid @Schema(type = "object", description = "New SMTP settings or password; tested before they are kept") Server smtp,
                         @Nullable @Valid @Schema(type = "object", description = "New IMAP settings or password; tested before they are kept") Server imap) { }

    /** A server to log in to. */
    @Serdeable
    @Schema(name = "MailServerLogin")
    public record Server(@NotBlank @Size(max = 253) @Schema(example = "smtp.gmail.com") String host,
                         @NotNull @Min(1) @Max(65535) @Schema(example = "587") Integer port,
                         @NotBlank @Pattern(regexp = "^(tls|starttls|none)$") @Schema(description = "tls (465, 993), starttls "
                                 + "(587, 143); none only in the local stack", example = "starttls") String security,
                         @Nullable @Size(max = 320) @Schema(description = "Defaults to the address") String username,
                         @NotBlank @Size(max = 1000) @Schema(description = "Stored encrypted, never shown again") String password) { }

    /** A warm-up ramp. */
    @Serdeable
    @Schema(name = "WarmupRamp")
    public record Ramp(@NotNull Boolean enabled,
                       @Nullable @Min(1) @Schema(description = "Sends on the first day (default 5)") Integer startPerDay,
                       @Nullable @Min(0) @Schema(description = "More each later day, up to the daily limit (default 2)") Integer increasePerDay) { }
}
