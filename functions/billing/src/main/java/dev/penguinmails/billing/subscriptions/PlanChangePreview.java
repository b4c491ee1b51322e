package dev.penguinmails.billing.subscriptions;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What a plan change would cost; {@code prorationDate} is to be sent back to make exactly this change.
 */
@Serdeable
public record PlanChangePreview(
    String planId, String interval, String kind, long prorationDate, long amountDue, String currency, List<Line> lines
) {
    @Serdeable
    public record Line(String description, long amount) { }
}
