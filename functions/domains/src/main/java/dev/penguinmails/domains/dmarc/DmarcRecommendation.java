package dev.penguinmails.domains.dmarc;

import java.util.List;

/** The DMARC record we recommend starting with, and the path from it to p=reject. */
public final class DmarcRecommendation {
    private static final List<RolloutStep> ROLLOUT = List.of(
            new RolloutStep(1, DmarcPolicy.NONE, 100, 14,
                    "aggregate reports show every legitimate sender passing SPF or DKIM aligned with the domain"),
            new RolloutStep(2, DmarcPolicy.QUARANTINE, 25, 7,
                    "reports show no legitimate mail among the quarantined share"),
            new RolloutStep(3, DmarcPolicy.QUARANTINE, 100, 14,
                    "reports show no legitimate mail failing DMARC for two weeks"),
            new RolloutStep(4, DmarcPolicy.REJECT, 100, 0,
                    "final: keep reading reports and add new senders to SPF/DKIM before they send"));

    private DmarcRecommendation() {
    }

    /** {@code v=DMARC1; p=none; rua=mailto:<ruaAddress>; adkim=r; aspf=r}: monitoring while reports arrive. */
    public static String startingRecord(String ruaAddress) {
        if (DmarcParser.parseUri("mailto:" + ruaAddress).isEmpty() || ruaAddress.matches(".*[;,!\\s].*")) {
            throw new IllegalArgumentException("not a mail address for rua: " + ruaAddress);
        }
        return ROLLOUT.get(0).record(ruaAddress);
    }

    /** The steps from p=none to p=reject, in order; the first step's record is {@link #startingRecord}. */
    public static List<RolloutStep> rollout() {
        return ROLLOUT;
    }
}
