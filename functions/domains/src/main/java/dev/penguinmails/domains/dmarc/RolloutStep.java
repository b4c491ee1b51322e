package dev.penguinmails.domains.dmarc;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One stage of moving a domain from monitoring to rejection: the policy and percentage to publish, the least
 * number of days to stay, and the condition the aggregate reports must show before the next step.
 */
@Serdeable
public record RolloutStep(int order, DmarcPolicy policy, int percent, int minimumDays, String conditionToAdvance) {

    /** The record to publish at this step, sending aggregate reports to {@code ruaAddress}. */
    public String record(String ruaAddress) {
        String pct = percent == 100 ? "" : "; pct=" + percent;
        return "v=DMARC1; p=" + policy.value() + pct + "; rua=mailto:" + ruaAddress + "; adkim=r; aspf=r";
    }
}
