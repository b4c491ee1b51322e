package dev.penguinmails.contacts.model;

import dev.penguinmails.contacts.settings.ContactSettings;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a {@link ContactInput} into a normalised {@link Contact}, or refuses it with every bad field at once
 * (a 400 {@code validation-failed}): nothing half-normalised is ever written.
 */
public final class ContactFields {
    public static final int MAX_NAME = 100;
    public static final int MAX_TEXT = 200;
    public static final String DEFAULT_SOURCE = "api";
    private static final Pattern SOURCE = Pattern.compile("^[a-z0-9][a-z0-9_.:-]{0,49}$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private final ContactSettings settings;
    private final Map<String, FieldDefinition> definitions;
    private final List<FieldError> errors = new ArrayList<>();

    private ContactFields(ContactSettings settings, Map<String, FieldDefinition> definitions) {
        this.settings = settings;
        this.definitions = definitions;
    }

    /** A new contact from {@code input}; the email is required, the status defaults to active. */
    public static Contact create(String workspaceId, String id, ContactInput input, Map<String, FieldDefinition> definitions,
                                 ContactSettings settings, Instant now) {
        return create(workspaceId, id, input, null, definitions, settings, now);
    }

    /**
     * As {@link #create(String, String, ContactInput, Map, ContactSettings, Instant)}, with {@code input}'s email
     * parsed already ({@code parsed}, when not null): an import parses each row's address once.
     */
    public static Contact create(String workspaceId, String id, ContactInput input, @Nullable EmailAddress parsed,
                                 Map<String, FieldDefinition> definitions, ContactSettings settings, Instant now) {
        ContactFields f = new ContactFields(settings, definitions);
        EmailAddress email = parsed != null ? parsed
                : f.field("email", input.email() == null ? "" : input.email(), EmailAddress::parse);
        Values v = f.values(input, new Values(null, null, null, null, null, null, List.of(), Map.of(), ContactStatus.ACTIVE));
        String source = f.source(input.source());
        f.throwIfAny();
        return new Contact(workspaceId, id, email.address(), email.key(), v.firstName, v.lastName, v.company, v.title,
                v.phone, v.timezone, v.tags, v.custom, source, v.status, now, now, 1);
    }

    /** {@code current} with what {@code change} gives changed, one version later. */
    public static Contact update(Contact current, ContactInput change, Map<String, FieldDefinition> definitions,
                                 ContactSettings settings, Instant now) {
        ContactFields f = new ContactFields(settings, definitions);
        EmailAddress email = change.email() == null ? null : f.field("email", change.email(), EmailAddress::parse);
        if (change.source() != null) {
            f.errors.add(new FieldError("source", "is set when the contact is created and cannot change"));
        }
        Values v = f.values(change, new Values(current.firstName(), current.lastName(), current.company(), current.title(),
                current.phone(), current.timezone(), current.tags(), current.customFields(), current.status()));
        f.throwIfAny();
        return new Contact(current.workspaceId(), current.id(),
                email == null ? current.email() : email.address(), email == null ? current.emailKey() : email.key(),
                v.firstName, v.lastName, v.company, v.title, v.phone, v.timezone, v.tags, v.custom,
                current.source(), v.status, current.createdAt(), now, current.version() + 1);
    }

    /** The fields besides email and source: what {@code input} gives, else {@code current}'s. */
    private Values values(ContactInput input, Values current) {
        return new Values(text("firstName", input.firstName(), MAX_NAME, current.firstName),
                text("lastName", input.lastName(), MAX_NAME, current.lastName),
                text("company", input.company(), MAX_TEXT, current.company),
                text("title", input.title(), MAX_TEXT, current.title),
                phone(input.phone(), current.phone), timezone(input.timezone(), current.timezone),
                tags(input.tags(), current.tags), custom(input.customFields(), current.custom),
                status(input.status(), current.status));
    }

    private record Values(String firstName, String lastName, String company, String title, String phone,
                          String timezone, List<String> tags, Map<String, CustomValue> custom, ContactStatus status) { }

    private String text(String name, String given, int max, String current) {
        if (given == null) {
            return current;
        }
        String text = given.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > max) {
            errors.add(new FieldError(name, "must be at most " + max + " characters"));
        } else if (CONTROL.matcher(text).find()) {
            errors.add(new FieldError(name, "may not contain control characters (tabs, line breaks)"));
        }
        return text;
    }

    private String phone(String given, String current) {
        if (given == null) {
            return current;
        }
        return given.isBlank() ? null
                : field("phone", given, p -> PhoneNumbers.e164(p, settings.defaultPhoneRegion()));
    }

    private String timezone(String given, String current) {
        if (given == null) {
            return current;
        }
        return given.isBlank() ? null : field("timezone", given, Timezones::canonical);
    }

    private List<String> tags(List<String> given, List<String> current) {
        if (given == null) {
            return current;
        }
        List<String> tags = field("tags", given, t -> Tags.normalise(t, settings.maxTags()));
        return tags == null ? List.of() : tags;
    }

    private Map<String, CustomValue> custom(Map<String, Object> given, Map<String, CustomValue> current) {
        if (given == null) {
            return current;
        }
        Map<String, CustomValue> values = new TreeMap<>(current);
        given.forEach((name, json) -> {
            FieldDefinition definition = definitions.get(name);
            if (json == null) {
                values.remove(name);
            } else if (definition == null) {
                errors.add(new FieldError("customFields." + name, "is not a custom field of this workspace; "
                        + "declare it first with PUT .../contact-fields/" + (FieldDefinition.NAME.matcher(name).matches() ? name : "{name}")));
            } else {
                CustomValue value = field("customFields." + name, json, definition.type()::accept);
                if (value != null) {
                    values.put(name, value);
                }
            }
        });
        return values;
    }

    private String source(String given) {
        if (given == null) {
            return DEFAULT_SOURCE;
        }
        return field("source", given, s -> {
            if (!SOURCE.matcher(s).matches()) {
                throw new IllegalArgumentException("must be 1 to 50 of a-z, 0-9 and _ . : -, e.g. api, manual, crm:hubspot");
            }
            return s;
        });
    }

    private ContactStatus status(String given, ContactStatus current) {
        if (given == null) {
            return current;
        }
        ContactStatus status = field("status", given, ContactStatus::fromWire);
        return status == null ? current : status;
    }

    /** {@code parse(value)}, or null with the refusal recorded as an error of {@code name}. */
    private <I, O> O field(String name, I value, Function<I, O> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, e.getMessage()));
            return null;
        }
    }

    private void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
