package dev.penguinmails.domains.blacklists;

import java.util.Locale;

/** What to tell a customer about a listing: where the well-known lists explain it and take removal requests. */
final class DelistingHints {
    private DelistingHints() { }

    /** For a listing of {@code queried} on {@code zone}. */
    static String listed(String zone, String queried, String source) {
        String z = zone.toLowerCase(Locale.ROOT);
        String cause = "platform".equals(source)
                ? "This is one of the platform's shared sending addresses (penguinmails.blacklists.sending-ips): its "
                        + "operators must stop the cause and ask for removal, and "
                : "Find and stop the cause first (a compromised account or server, bought or old lists, no unsubscribe link), then ";
        String where;
        if (z.endsWith("spamhaus.org")) {
            where = "look up " + queried + " at https://check.spamhaus.org/ for the reason and the removal request.";
        } else if (z.endsWith("barracudacentral.org")) {
            where = "ask for removal at https://www.barracudacentral.org/rbl/removal-request.";
        } else if (z.endsWith("spamcop.net")) {
            where = "wait: SpamCop listings expire by themselves about 24 hours after the last report "
                    + "(https://www.spamcop.net/bl.shtml?" + queried + ").";
        } else if (z.endsWith("surbl.org")) {
            where = "look up " + queried + " at https://surbl.org/surbl-analysis for the reason and the removal form.";
        } else {
            where = "look up " + queried + " on " + zone + "'s website for the reason and how to ask for removal.";
        }
        return cause + where;
    }

    /** For a list that gave no usable answer; {@code refused} when it answered with a "query refused" code. */
    static String unknown(String zone, boolean refused) {
        if (refused) {
            return zone + " refused the query: lists such as Spamhaus and SURBL do not answer queries sent through "
                    + "public resolvers or over their free limit. Point penguinmails.blacklists.resolvers at a resolver "
                    + "of your own (or the list's paid data service); until then this list is not known.";
        }
        return zone + " gave no answer (timeout or server failure); it is asked again at the next check.";
    }
}
