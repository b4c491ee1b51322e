package dev.penguinmails.sending.stats;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A campaign's counters: overall, per step, and per variant of each step, each with its rates. */
@Serdeable
@Schema(name = "CampaignStats")
public record CampaignStatsView(String campaignId, Counts overall, List<Step> steps) {

    /** One sequence step (from 0) and its variants. */
    @Serdeable
    @Schema(name = "CampaignStepStats")
    public record Step(int step, Counts counts, List<Variant> variants) { }

    @Serdeable
    @Schema(name = "CampaignVariantStats")
    public record Variant(String variantId, Counts counts) { }

    /**
     * Counts and rates. Rates are fractions (0 to 1) of {@code sent}, except {@code failureRate}, a fraction of every
     * attempt ({@code sent + failed}); 0 while the denominator is 0.
     */
    @Serdeable
    @Schema(name = "CampaignStatsCounts")
    public record Counts(long sent, long failed, long unsubscribed, long opened, long clicked, long replied,
                         long bounced, Rates rates) {

        static Counts of(Map<Counter, Long> c) {
            long sent = c.get(Counter.SENT);
            long failed = c.get(Counter.FAILED);
            return new Counts(sent, failed, c.get(Counter.UNSUBSCRIBED), c.get(Counter.OPENED), c.get(Counter.CLICKED),
                    c.get(Counter.REPLIED), c.get(Counter.BOUNCED),
                    new Rates(rate(c.get(Counter.UNSUBSCRIBED), sent), rate(failed, sent + failed),
                            rate(c.get(Counter.OPENED), sent), rate(c.get(Counter.CLICKED), sent),
                            rate(c.get(Counter.REPLIED), sent), rate(c.get(Counter.BOUNCED), sent)));
        }

        static Map<Counter, Long> zero() {
            Map<Counter, Long> zero = new EnumMap<>(Counter.class);
            for (Counter counter : Counter.values()) {
                zero.put(counter, 0L);
            }
            return zero;
        }

        private static double rate(long part, long whole) {
            return whole == 0 ? 0 : (double) part / whole;
        }
    }

    @Serdeable
    @Schema(name = "CampaignStatsRates")
    public record Rates(double unsubscribeRate, double failureRate, double openRate, double clickRate, double replyRate,
                        double bounceRate) { }
}
