package dev.penguinmails.domains.dkim;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a published DKIM key record (RFC 6376 §3.6.1) and compares its key with ours. */
public final class DkimKeyRecord {
    private DkimKeyRecord() {
    }

    /** Compares the record {@code text} (its strings joined) found at {@code recordName} with our public key. */
    public static DkimReport compare(String recordName, String text, RSAPublicKey ours) {
        List<DkimFinding> findings = new ArrayList<>();
        Map<String, String> tags = tags(text, findings);
        if (tags.containsKey("v") && !(tags.keySet().iterator().next().equals("v") && "DKIM1".equals(tags.get("v")))) {
            findings.add(new DkimFinding(DkimProblem.SYNTAX, "v= must come first and be DKIM1"));
        }
        String keyType = tags.getOrDefault("k", "rsa");
        if (!keyType.equals("rsa")) {
            findings.add(new DkimFinding(DkimProblem.WRONG_KEY_TYPE, "k=" + keyType + ", our key is rsa"));
        }
        if (tags.containsKey("h") && !List.of(tags.get("h").split("\\s*:\\s*")).contains("sha256")) {
            findings.add(new DkimFinding(DkimProblem.NO_SHA256, "h=" + tags.get("h")));
        }
        if (tags.containsKey("s") && !List.of(tags.get("s").split("\\s*:\\s*")).stream().anyMatch(s -> s.equals("*") || s.equals("email"))) {
            findings.add(new DkimFinding(DkimProblem.NOT_FOR_EMAIL, "s=" + tags.get("s")));
        }
        if (tags.containsKey("t") && List.of(tags.get("t").split("\\s*:\\s*")).contains("y")) {
            findings.add(new DkimFinding(DkimProblem.TESTING, "t=y: remove it once signing works"));
        }
        boolean matches = keyType.equals("rsa") && keyMatches(tags.get("p"), ours, findings);
        return new DkimReport(recordName, text, matches, findings);
    }

    private static boolean keyMatches(String p, RSAPublicKey ours, List<DkimFinding> findings) {
        if (p == null) {
            findings.add(new DkimFinding(DkimProblem.SYNTAX, "p= is required"));
            return false;
        }
        // The key may be written with folding whitespace, which is not part of the base64 (RFC 6376 §3.2).
        String base64 = p.replaceAll("\\s", "");
        if (base64.isEmpty()) {
            findings.add(new DkimFinding(DkimProblem.REVOKED, "p= is empty"));
            return false;
        }
        try {
            byte[] encoded = Base64.getDecoder().decode(base64);
            RSAPublicKey published = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(encoded));
            boolean same = published.getModulus().equals(ours.getModulus())
                    && published.getPublicExponent().equals(ours.getPublicExponent());
            if (!same) {
                findings.add(new DkimFinding(DkimProblem.KEY_MISMATCH, "the published key is not the domain's current key"));
            }
            return same;
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            findings.add(new DkimFinding(DkimProblem.INVALID_KEY, e.getClass().getSimpleName() + ": " + e.getMessage()));
            return false;
        }
    }

    /** The tags in order, names as written (they are case-sensitive); adds findings for malformed parts. */
    private static Map<String, String> tags(String text, List<DkimFinding> findings) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            String trimmed = part.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                findings.add(new DkimFinding(DkimProblem.SYNTAX, "'" + trimmed + "' is not tag=value"));
                continue;
            }
            String name = trimmed.substring(0, equals).strip();
            if (tags.putIfAbsent(name, trimmed.substring(equals + 1).strip()) != null) {
                findings.add(new DkimFinding(DkimProblem.SYNTAX, name + "= is given twice"));
            }
        }
        return tags;
    }
}
