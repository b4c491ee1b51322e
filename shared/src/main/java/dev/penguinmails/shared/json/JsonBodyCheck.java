package dev.penguinmails.shared.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.penguinmails.shared.problems.FieldError;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules every JSON request body must meet before it is bound, whatever the route: each string, names
 * of fields included, is well-formed Unicode (no unpaired UTF-16 surrogate, which Java strings and JSON
 * escapes such as {@code "\ud800"} can carry but UTF-8, DynamoDB, SQS and email cannot), and no object
 * names a field twice (RFC 8259 leaves duplicates to the parser; we refuse them rather than guess).
 * Walks the tokens with Jackson's streaming parser, so a body is read once and never built as a tree.
 */
public final class JsonBodyCheck {
    static final String NOT_UNICODE = "is not well-formed Unicode (it holds an unpaired UTF-16 surrogate)";
    static final String DUPLICATE = "appears more than once";
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonBodyCheck() { }

    /** What is wrong with {@code json}, one error per offending field; empty when it meets the rules. */
    public static List<FieldError> problems(byte[] json) throws JsonProcessingException {
        List<FieldError> errors = new ArrayList<>();
        Deque<Set<String>> names = new ArrayDeque<>();
        try (JsonParser parser = FACTORY.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT -> names.push(new HashSet<>());
                    case END_OBJECT -> names.pop();
                    case FIELD_NAME -> {
                        String name = parser.currentName();
                        if (!isWellFormed(name)) {
                            errors.add(new FieldError(path(parser.getParsingContext()), NOT_UNICODE));
                        } else if (!names.peek().add(name)) {
                            errors.add(new FieldError(path(parser.getParsingContext()), DUPLICATE));
                        }
                    }
                    case VALUE_STRING -> {
                        if (!isWellFormed(parser.getText())) {
                            errors.add(new FieldError(path(parser.getParsingContext()), NOT_UNICODE));
                        }
                    }
                    default -> { }
                }
            }
        } catch (JsonProcessingException malformed) {
            throw malformed;
        } catch (IOException unreadable) {
            // A byte array cannot fail to read; anything else is a parse failure.
            throw new IllegalStateException(unreadable);
        }
        return errors;
    }

    /** True when every surrogate in {@code text} is half of a pair, in order. */
    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The field as the client wrote it ({@code contacts[0].email}); a name that is itself malformed is
     * shown with its surrogates escaped, so the answer stays valid UTF-8.
     */
    static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push((c.getParent() != null && !c.getParent().inRoot() ? "." : "") + printable(c.getCurrentName()));
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "body" : path;
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                out.append(c).append(name.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
