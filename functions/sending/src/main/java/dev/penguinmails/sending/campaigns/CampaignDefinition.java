package dev.penguinmails.sending.campaigns;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.penguinmails.sending.sequences.SequenceStep;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import dev.penguinmails.shared.problems.FieldError;
import java.util.List;

/** Everything a campaign's owner sets: kept as one document on the campaign's item, changed by PATCH. */
@Serdeable
public record CampaignDefinition(String name, Audience audience, MailboxPool mailboxes, SendingWindow window,
                                 SendingLimits limits, boolean stopOnReply, boolean trackOpens, boolean trackClicks,
                                 @Nullable String unsubscribeFooter, List<SequenceStep> sequence) {

    public CampaignDefinition {
        sequence = sequence == null ? List.of() : List.copyOf(sequence);
    }

    /** Who is enrolled at launch: the contacts of these lists and segments (contacts resolves them). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "CampaignAudience")
    public record Audience(
            @Nullable @Size(max = 50) List<@Pattern(regexp = "^[A-Za-z0-9_-]{1,64}$") String> listIds,
            @Nullable @Size(max = 50) List<@Pattern(regexp = "^[A-Za-z0-9_-]{1,64}$") String> segmentIds) {
        public Audience {
            listIds = listIds == null ? List.of() : List.copyOf(listIds);
            segmentIds = segmentIds == null ? List.of() : List.copyOf(segmentIds);
        }

        public static Audience empty() {
            return new Audience(List.of(), List.of());
        }
    }

    /**
     * The mailboxes that send, in rotation; with {@code matchProvider}, a Google mailbox is preferred for Google
     * recipients and a Microsoft one for Microsoft recipients, when the pool has one.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "CampaignMailboxPool")
    public record MailboxPool(
            @Nullable @Size(max = 500) List<@Pattern(regexp = "^[A-Za-z0-9_-]{1,64}$") String> mailboxIds,
            @Nullable @Pattern(regexp = "^(round-robin|random)$") @Schema(description = "round-robin (default) or random",
                    allowableValues = {"round-robin", "random"}) String rotation,
            @Schema(description = "Prefer a mailbox of the recipient's provider (Google, Microsoft)") boolean matchProvider) {
        public MailboxPool {
            mailboxIds = mailboxIds == null ? List.of() : List.copyOf(mailboxIds);
            rotation = rotation == null ? "round-robin" : rotation;
        }

        public static MailboxPool empty() {
            return new MailboxPool(List.of(), "round-robin", false);
        }
    }

    /** When sends may go out: these days, from start to end, in the timezone (the contact's own when known). */
    @Serdeable
    @Schema(name = "CampaignSendingWindow")
    public record SendingWindow(
            @NotBlank @Size(max = 100) @Schema(description = "IANA time zone name", example = "Europe/Lisbon") String timezone,
            @Size(min = 1, max = 7) List<@Pattern(regexp = "^(mon|tue|wed|thu|fri|sat|sun)$") String> days,
            @NotBlank @Pattern(regexp = "^([01][0-9]|2[0-3]):[0-5][0-9]$") @Schema(example = "09:00") String start,
            @NotBlank @Pattern(regexp = "^([01][0-9]|2[0-3]):[0-5][0-9]$") @Schema(example = "17:00") String end) {

        public static SendingWindow officeHours() {
            return new SendingWindow("UTC", List.of("mon", "tue", "wed", "thu", "fri"), "09:00", "17:00");
        }
    }

    /** Caps per day and the random gap between two sends of one mailbox. */
    @Serdeable
    @Schema(name = "CampaignSendingLimits")
    public record SendingLimits(
            @Min(1) @Max(10_000) @Schema(description = "Emails per mailbox per day, for this campaign", example = "30") int dailyPerMailbox,
            @Nullable @Min(1) @Max(1_000_000) @Schema(description = "Emails per day for the whole campaign (no cap if absent)") Integer dailyPerCampaign,
            @Min(0) @Max(86_400) @Schema(description = "Shortest gap between two sends of one mailbox, in seconds", example = "120") int gapMinSeconds,
            @Min(0) @Max(86_400) @Schema(description = "Longest gap, in seconds", example = "600") int gapMaxSeconds) {

        public static SendingLimits defaults() {
            return new SendingLimits(30, null, 120, 600);
        }
    }

    /** Validates the parts that cross fields; the field rules are on the records. */
    static List<FieldError> check(CampaignDefinition d) {
        List<FieldError> errors = new java.util.ArrayList<>();
        try {
            java.time.ZoneId.of(d.window().timezone());
        } catch (RuntimeException e) {
            errors.add(new FieldError("window.timezone", "is not an IANA time zone name"));
        }
        if (d.window().start().compareTo(d.window().end()) >= 0) {
            errors.add(new FieldError("window.end", "must be later than window.start"));
        }
        if (d.limits().gapMinSeconds() > d.limits().gapMaxSeconds()) {
            errors.add(new FieldError("limits.gapMaxSeconds", "must be at least gapMinSeconds"));
        }
        for (int i = 0; i < d.sequence().size(); i++) {
            SequenceStep step = d.sequence().get(i);
            if (i == 0 && step.replyInThread()) {
                errors.add(new FieldError("sequence[0].replyInThread",
                        "the first step starts the conversation; only later steps reply in it"));
            }
            if (step.delay().businessDays() && !"days".equals(step.delay().unit())) {
                errors.add(new FieldError("sequence[" + i + "].delay.businessDays",
                        "counts days; use unit days"));
            }
            java.util.Set<String> names = new java.util.HashSet<>();
            for (int v = 0; v < step.variants().size(); v++) {
                var variant = step.variants().get(v);
                if (!names.add(variant.name())) {
                    errors.add(new FieldError(
                            "sequence[" + i + "].variants[" + v + "].name", "is used twice in the step"));
                }
                if (!step.replyInThread() && (variant.subject() == null || variant.subject().isBlank())) {
                    errors.add(new FieldError(
                            "sequence[" + i + "].variants[" + v + "].subject", "is required unless the step replies in thread"));
                }
            }
        }
        return errors;
    }
}
