package dev.penguinmails.domains.records;

import dev.penguinmails.domains.dmarc.RolloutStep;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What to publish for a domain: the records as data, the same as a BIND zone snippet, and DMARC's way to reject. */
@Serdeable
@Schema(name = "DomainRecords")
public record RecordsView(String domain, List<PublishedRecord> records,
                          @Schema(description = "The records as a BIND zone-file snippet, owners relative to the domain") String bind,
                          List<Rollout> dmarcRollout) {

    /** One step from p=none to p=reject, with the record to publish and when to move on. */
    @Serdeable
    public record Rollout(int order, String policy, int percent, int minimumDays, String moveOnWhen, String record) {
        static Rollout of(RolloutStep step, String reportsTo) {
            return new Rollout(step.order(), step.policy().value(), step.percent(), step.minimumDays(),
                    step.conditionToAdvance(), step.record(reportsTo));
        }
    }
}
