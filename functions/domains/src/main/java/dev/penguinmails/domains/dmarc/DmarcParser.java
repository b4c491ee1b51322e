package dev.penguinmails.domains.dmarc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a DMARC record's tag list (RFC 7489 §6.3–6.4) and reports what is invalid, unknown or weak. */
public final class DmarcParser {
    public static final String VERSION = "DMARC1";
    private static final Set<String> KNOWN_TAGS = Set.of("v", "p", "sp", "rua", "ruf", "pct", "adkim", "aspf", "fo", "ri", "rf");
    private static final Pattern URI_WITH_SIZE = Pattern.compile("(.+?)(?:!(\\d{1,12})([kmgtKMGT]?))?");
    private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.+");
    private static final Pattern MAIL_ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern DMARC_START = Pattern.compile("\\s*v\\s*=\\s*DMARC1(\\s|;|$)");
    private static final Pattern FAILURE_OPTIONS = Pattern.compile("[01ds](:[01ds])*");

    private DmarcParser() {
    }

    /** The parsed record (null when receivers could not use it) and every finding. */
    public record Result(DmarcRecord record, List<DmarcFinding> findings) {
        public Result {
            findings = List.copyOf(findings);
        }
    }

    /** True when a TXT record's text starts with {@code v=DMARC1}; receivers discard the others (§6.6.3). */
    public static boolean isDmarc(String txt) {
        return DMARC_START.matcher(txt).lookingAt();
    }

    /** Parses {@code text}, e.g. {@code v=DMARC1; p=none; rua=mailto:dmarc@example.com}. */
    public static Result parse(String text) {
        List<DmarcFinding> findings = new ArrayList<>();
        Map<String, String> tags = tags(text, findings);
        if (!tags.isEmpty() && !(tags.keySet().iterator().next().equals("v") && VERSION.equals(tags.get("v")))) {
            findings.add(new DmarcFinding(DmarcProblem.BAD_VERSION, "v", "a DMARC record starts with v=" + VERSION));
            return new Result(null, findings);
        }
        tags.keySet().stream().filter(t -> !KNOWN_TAGS.contains(t))
                .forEach(t -> findings.add(new DmarcFinding(DmarcProblem.UNKNOWN_TAG, t, "ignored by receivers")));
        Optional<DmarcPolicy> policy = policy(tags, "p", findings);
        if (policy.isEmpty() && !tags.containsKey("p")) {
            findings.add(new DmarcFinding(DmarcProblem.MISSING_POLICY, "p", "p=none, p=quarantine or p=reject is required"));
        }
        Optional<DmarcPolicy> subdomainPolicy = policy(tags, "sp", findings);
        List<ReportUri> rua = uris(tags, "rua", findings);
        List<ReportUri> ruf = uris(tags, "ruf", findings);
        int percent = (int) number(tags, "pct", 100, 100, findings);
        Alignment adkim = alignment(tags, "adkim", findings);
        Alignment aspf = alignment(tags, "aspf", findings);
        List<String> fo = failureOptions(tags, findings);
        long ri = number(tags, "ri", 86400, 0xFFFFFFFFL, findings);
        if (tags.containsKey("rf") && !tags.get("rf").equalsIgnoreCase("afrf")) {
            findings.add(new DmarcFinding(DmarcProblem.INVALID_VALUE, "rf", "only afrf is defined"));
        }
        if (policy.isEmpty()) {
            return new Result(null, findings);
        }
        DmarcRecord record = new DmarcRecord(policy.get(), subdomainPolicy.orElse(policy.get()), rua, ruf, percent,
                adkim, aspf, fo, ri);
        addAdvice(record, findings);
        return new Result(record, findings);
    }

    private static void addAdvice(DmarcRecord record, List<DmarcFinding> findings) {
        if (record.policy() == DmarcPolicy.NONE) {
            findings.add(new DmarcFinding(DmarcProblem.MONITORING_ONLY, "p", "failing mail is still delivered"));
        }
        if (record.aggregateReports().isEmpty()) {
            findings.add(new DmarcFinding(DmarcProblem.NO_AGGREGATE_REPORTS, "rua", "add rua=mailto:<address>"));
        }
        if (record.percent() < 100) {
            findings.add(new DmarcFinding(DmarcProblem.PARTIAL_PERCENT, "pct",
                    "the policy applies to " + record.percent() + "% of failing mail"));
        }
    }

    /** The tags in order of appearance, names lower-cased; adds findings for malformed parts and duplicates. */
    private static Map<String, String> tags(String text, List<DmarcFinding> findings) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            String trimmed = part.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                findings.add(new DmarcFinding(DmarcProblem.SYNTAX, null, "'" + trimmed + "' is not tag=value"));
                continue;
            }
            String name = trimmed.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = trimmed.substring(equals + 1).strip();
            if (tags.putIfAbsent(name, value) != null) {
                findings.add(new DmarcFinding(DmarcProblem.DUPLICATE_TAG, name, "given more than once"));
            }
        }
        return tags;
    }

    private static Optional<DmarcPolicy> policy(Map<String, String> tags, String tag, List<DmarcFinding> findings) {
        if (!tags.containsKey(tag)) {
            return Optional.empty();
        }
        Optional<DmarcPolicy> policy = DmarcPolicy.parse(tags.get(tag));
        if (policy.isEmpty()) {
            findings.add(new DmarcFinding(DmarcProblem.INVALID_VALUE, tag,
                    "'" + tags.get(tag) + "' is not none, quarantine or reject"));
        }
        return policy;
    }

    private static Alignment alignment(Map<String, String> tags, String tag, List<DmarcFinding> findings) {
        String value = tags.getOrDefault(tag, "r");
        if (value.equalsIgnoreCase("s")) {
            return Alignment.STRICT;
        }
        if (!value.equalsIgnoreCase("r")) {
            findings.add(new DmarcFinding(DmarcProblem.INVALID_VALUE, tag, "'" + value + "' is not r or s"));
        }
        return Alignment.RELAXED;
    }

    private static long number(Map<String, String> tags, String tag, long fallback, long max, List<DmarcFinding> findings) {
        if (!tags.containsKey(tag)) {
            return fallback;
        }
        String value = tags.get(tag);
        if (value.matches("\\d{1,10}") && Long.parseLong(value) <= max) {
            return Long.parseLong(value);
        }
        findings.add(new DmarcFinding(DmarcProblem.INVALID_VALUE, tag, "'" + value + "' is not a number from 0 to " + max));
        return fallback;
    }

    private static List<String> failureOptions(Map<String, String> tags, List<DmarcFinding> findings) {
        String value = tags.getOrDefault("fo", "0");
        if (!FAILURE_OPTIONS.matcher(value.toLowerCase(Locale.ROOT)).matches()) {
            findings.add(new DmarcFinding(DmarcProblem.INVALID_VALUE, "fo", "'" + value + "' is not a list of 0, 1, d, s"));
            return List.of("0");
        }
        return List.of(value.toLowerCase(Locale.ROOT).split(":"));
    }

    private static List<ReportUri> uris(Map<String, String> tags, String tag, List<DmarcFinding> findings) {
        if (!tags.containsKey(tag)) {
            return List.of();
        }
        List<ReportUri> uris = new ArrayList<>();
        for (String written : tags.get(tag).split(",")) {
            parseUri(written.strip()).ifPresentOrElse(uri -> {
                uris.add(uri);
                if (!uri.isMailto()) {
                    findings.add(new DmarcFinding(DmarcProblem.NON_MAILTO_URI, tag, uri.uri()));
                }
            }, () -> findings.add(new DmarcFinding(DmarcProblem.INVALID_VALUE, tag, "'" + written.strip() + "' is not a report URI")));
        }
        return uris;
    }

    /** A {@code URI[!size[unit]]} destination, or empty when malformed (e.g. a mailto URI without a valid address). */
    static Optional<ReportUri> parseUri(String written) {
        Matcher matcher = URI_WITH_SIZE.matcher(written);
        if (!matcher.matches() || !URI_SCHEME.matcher(matcher.group(1)).matches()) {
            return Optional.empty();
        }
        String uri = matcher.group(1);
        Long maxBytes;
        try {
            maxBytes = matcher.group(2) == null ? null : bytes(matcher.group(2), matcher.group(3));
        } catch (ArithmeticException tooLarge) {
            return Optional.empty();
        }
        if (!uri.regionMatches(true, 0, "mailto:", 0, 7)) {
            return Optional.of(new ReportUri(uri, null, maxBytes));
        }
        String address = uri.substring(7);
        int query = address.indexOf('?');
        address = URLDecoder.decode(query < 0 ? address : address.substring(0, query), StandardCharsets.UTF_8);
        return MAIL_ADDRESS.matcher(address).matches() ? Optional.of(new ReportUri(uri, address, maxBytes)) : Optional.empty();
    }

    private static Long bytes(String digits, String unit) {
        int shift = switch (unit.toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        return Math.multiplyExact(Long.parseLong(digits), 1L << shift);
    }
}
