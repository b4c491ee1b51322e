package dev.penguinmails.domains.dkim;

import dev.penguinmails.domains.dns.DomainNames;
import dev.penguinmails.domains.records.DnsRecord;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Locale;

/** Formats the DKIM key record a domain publishes for one selector (RFC 6376 §3.6.1). */
public final class DkimRecords {
    private DkimRecords() {
    }

    /** {@code <selector>._domainkey.<domain>}, where receivers look the key up. */
    public static String name(String selector, String domain) {
        if (!selector.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")) {
            throw new IllegalArgumentException("invalid DKIM selector: " + selector);
        }
        return selector.toLowerCase(Locale.ROOT) + "._domainkey." + DomainNames.normalize(domain);
    }

    /** {@code v=DKIM1; k=rsa; p=<base64 SubjectPublicKeyInfo>}. */
    public static String value(RSAPublicKey key) {
        if (key.getModulus().bitLength() < 1024) {
            throw new IllegalArgumentException("RFC 8301 forbids RSA keys under 1024 bits");
        }
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** The TXT record to publish, its value split into character-strings of at most 255 bytes. */
    public static DnsRecord record(String selector, String domain, RSAPublicKey key, long ttl) {
        return DnsRecord.txt(name(selector, domain), ttl, value(key));
    }
}
