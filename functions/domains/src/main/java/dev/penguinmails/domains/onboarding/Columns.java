package dev.penguinmails.domains.onboarding;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns a file of each kind may have, by their documented snake_case names. A header is matched without
 * case and with spaces, dots, dashes and camelCase read as underscores, so {@code SMTP Host}, {@code smtp.host} and
 * {@code smtpHost} all name {@code smtp_host}; a few aliases spreadsheets use ({@code email}) are accepted too.
 *
 * @param key      the column that names what a row adds, which every file must have
 * @param columns  every column, in the documented order
 * @param aliases  other names for a column
 */
public record Columns(OnboardingKind kind, String key, List<String> columns, Map<String, String> aliases) {

    public static final Columns DOMAINS = new Columns(OnboardingKind.DOMAINS, "domain", List.of("domain"),
            Map.of("name", "domain", "domain_name", "domain"));

    public static final Columns MAILBOXES = new Columns(OnboardingKind.MAILBOXES, "address", List.of(
            "address", "display_name", "provider", "daily_limit", "signature_html",
            "smtp_host", "smtp_port", "smtp_security", "smtp_username", "smtp_password",
            "imap_host", "imap_port", "imap_security", "imap_username", "imap_password",
            "warmup_enabled", "warmup_start_per_day", "warmup_increase_per_day"),
            Map.of("email", "address", "email_address", "address"));

    public static Columns of(OnboardingKind kind) {
        return kind == OnboardingKind.DOMAINS ? DOMAINS : MAILBOXES;
    }

    /** The column a header names, if any. */
    public Optional<String> column(String header) {
        String name = snake(header);
        String column = aliases.getOrDefault(name, name);
        return columns.contains(column) ? Optional.of(column) : Optional.empty();
    }

    /**
     * The column of a request field as the single-item API names it in its problems ({@code smtp.host},
     * {@code warmup.startPerDay}, a domain's {@code name}).
     */
    public String columnOfField(String field) {
        String name = snake(field);
        return aliases.getOrDefault(name, name);
    }

    /** {@code Display Name}, {@code display.name}, {@code displayName} → {@code display_name}. */
    static String snake(String text) {
        String stripped = text == null ? "" : text.strip();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(stripped.charAt(i - 1))) {
                out.append('_');
            }
            out.append(c == ' ' || c == '.' || c == '-' ? '_' : Character.toLowerCase(c));
        }
        return out.toString().toLowerCase(Locale.ROOT).replaceAll("_+", "_").replaceAll("^_|_$", "");
    }
}
