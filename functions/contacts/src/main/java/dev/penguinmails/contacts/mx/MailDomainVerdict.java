package dev.penguinmails.contacts.mx;

/** Whether a domain receives mail, as DNS says (RFC 5321 §5.1, RFC 7505). */
public enum MailDomainVerdict {
    /** An MX record, or none but an address record to fall back to. */
    RECEIVES_MAIL,
    /** The domain does not exist (NXDOMAIN). */
    NO_SUCH_DOMAIN,
    /** No MX record and no address to fall back to, or a null MX ("0 ."): the domain says it takes no mail. */
    NO_MAIL_SERVER,
    /** No answer in time, or a failing resolver: nothing is concluded, and nothing is refused for it. */
    UNKNOWN
}
