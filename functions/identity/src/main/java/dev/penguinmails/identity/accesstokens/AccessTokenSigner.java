package dev.penguinmails.identity.accesstokens;

/**
 * Makes the ES256 signatures of access tokens. The private key stays behind it: in a JWK in memory
 * (local stack, tests; {@link JwkAccessTokenSigner}) or in KMS, which never lets it out (AWS;
 * {@link KmsAccessTokenSigner}). Verification does not go through here: both kinds are verified by
 * {@link AccessTokens} with the same public-key code.
 */
public interface AccessTokenSigner {
    /** The {@code kid} of every token this signs, by which verifiers pick the public key; stable across restarts. */
    String keyId();

    /** The ES256 signature of {@code signingInput} in JOSE form: R then S, 32 big-endian bytes each. */
    byte[] sign(byte[] signingInput);
}
