package dev.penguinmails.sending.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spintax: {@code {Hi|Hello|Hey}} becomes one of its options, nested groups allowed. Liquid's own braces
 * ({@code {{ ... }}} and {@code {% ... %}}) are left alone, and a group without {@code |} (CSS, a literal
 * {@code {x}}) is kept as written. Choices come from a seed, so they are the same for a contact and step every time.
 */
public final class Spintax {
    private Spintax() { }

    /** The text with every group replaced by one option chosen from {@code seed}. */
    public static String spin(String text, long seed) {
        Node root = parse(text);
        StringBuilder out = new StringBuilder(text.length());
        root.write(out, seed, new int[] {0});
        return out.toString();
    }

    /** The first unbalanced brace, if any. */
    public static Optional<TemplateProblem> check(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (TemplateException e) {
            return Optional.of(e.problem());
        }
    }

    /** The parsed text; a brace without its partner is a {@link TemplateException} naming where it is. */
    static Node parse(String text) {
        Group root = new Group(-1);
        List<Group> open = new ArrayList<>();
        open.add(root);
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && (text.charAt(i + 1) == '{' || text.charAt(i + 1) == '%')) {
                String close = text.charAt(i + 1) == '{' ? "}}" : "%}";
                int end = text.indexOf(close, i + 2);
                // An unclosed Liquid tag is Liquid's to report, with its own position.
                int stop = end < 0 ? text.length() : end + 2;
                literal.append(text, i, stop);
                i = stop;
                continue;
            }
            Group current = open.get(open.size() - 1);
            if (c == '{') {
                current.text(literal);
                Group group = new Group(i);
                current.add(group);
                open.add(group);
            } else if (c == '|' && open.size() > 1) {
                current.text(literal);
                current.nextOption();
            } else if (c == '}') {
                if (open.size() == 1) {
                    throw new TemplateException(TemplateProblem.at("spintax: '}' without a matching '{'", text, i));
                }
                current.text(literal);
                open.remove(open.size() - 1);
            } else {
                literal.append(c);
            }
            i++;
        }
        if (open.size() > 1) {
            throw new TemplateException(TemplateProblem.at("spintax: '{' is never closed", text, open.get(open.size() - 1).start));
        }
        root.text(literal);
        return root;
    }

    /** A piece of parsed spintax. */
    interface Node {
        void write(StringBuilder out, long seed, int[] counter);
    }

    private record Text(String value) implements Node {
        public void write(StringBuilder out, long seed, int[] counter) {
            out.append(value);
        }
    }

    /** A group of options, each a sequence of nodes; the root is a group of one option. */
    private static final class Group implements Node {
        final int start;
        final List<List<Node>> options = new ArrayList<>();

        Group(int start) {
            this.start = start;
            options.add(new ArrayList<>());
        }

        void add(Node node) {
            options.get(options.size() - 1).add(node);
        }

        void text(StringBuilder literal) {
            if (!literal.isEmpty()) {
                add(new Text(literal.toString()));
                literal.setLength(0);
            }
        }

        void nextOption() {
            options.add(new ArrayList<>());
        }

        public void write(StringBuilder out, long seed, int[] counter) {
            if (start >= 0 && options.size() == 1) {
                out.append('{');
                options.get(0).forEach(n -> n.write(out, seed, counter));
                out.append('}');
                return;
            }
            // Each group takes the next choice in reading order, so choices do not shift when an option's text changes.
            int choice = start < 0 ? 0 : Seeds.below(Seeds.nth(seed, counter[0]++), options.size());
            options.get(choice).forEach(n -> n.write(out, seed, counter));
        }
    }
}
