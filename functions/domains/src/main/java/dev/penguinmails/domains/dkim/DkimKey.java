package dev.penguinmails.domains.dkim;

import java.time.Instant;

/**
 * One DKIM key pair of a domain under its selector ({@code <selector>._domainkey.<domain>}): the public key as
 * published (base64 SubjectPublicKeyInfo) and the private key sealed under the customer-secrets key, never in
 * plain text.
 */
public record DkimKey(String selector, String publicKey, String privateKeySealed, Instant createdAt) { }
