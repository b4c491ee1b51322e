package dev.penguinmails.domains.ses;

/**
 * Where a domain's SES identity stands: whether SES lets it send, and its DKIM status as SES reports it
 * ({@code PENDING}, {@code SUCCESS}, {@code FAILED}, {@code TEMPORARY_FAILURE}, {@code NOT_STARTED}).
 */
public record SesIdentityStatus(boolean verifiedForSending, String dkimStatus) {

    /** Why it cannot send yet, in plain English; null when it can. */
    public String failure(String domain) {
        if (verifiedForSending) {
            return null;
        }
        return "SES has not verified " + domain + " yet (DKIM " + dkimStatus.toLowerCase(java.util.Locale.ROOT)
                + "): it checks the DKIM record we asked you to publish, usually within an hour of it appearing";
    }
}
