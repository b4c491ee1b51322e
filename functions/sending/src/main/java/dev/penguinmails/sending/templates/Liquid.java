package dev.penguinmails.sending.templates;

import java.util.Map;
import liqp.Template;
import liqp.TemplateParser;
import liqp.exceptions.LiquidException;

/**
 * Liquid through Liqp: parses strictly (an error names the line and column) and renders with limits, so that a
 * template cannot loop or grow without end. Missing variables render empty: whether a variable is known is
 * decided before launch by {@link Variables}, where a {@code default} filter counts.
 */
public final class Liquid {
    private static final TemplateParser PARSER = new TemplateParser.Builder()
            .withErrorMode(TemplateParser.ErrorMode.STRICT)
            .withMaxIterations(10_000)
            .withMaxSizeRenderedString(1_000_000)
            .withMaxRenderTimeMillis(2_000)
            .build();

    private Liquid() { }

    /** The parsed template; broken Liquid is a {@link TemplateException} with its line and column. */
    public static Template parse(String source) {
        try {
            return PARSER.parse(source);
        } catch (LiquidException e) {
            throw new TemplateException(new TemplateProblem("liquid: " + firstLine(e.getMessage()), Math.max(1, e.line),
                    Math.max(1, e.charPositionInLine + 1)));
        } catch (RuntimeException e) {
            throw new TemplateException(new TemplateProblem("liquid: " + firstLine(e.getMessage()), 1, 1));
        }
    }

    /** Renders {@code source} over {@code variables}. */
    public static String render(String source, Map<String, Object> variables) {
        Template template = parse(source);
        try {
            return template.render(variables);
        } catch (LiquidException e) {
            throw new TemplateException(new TemplateProblem("liquid: " + firstLine(e.getMessage()), Math.max(1, e.line),
                    Math.max(1, e.charPositionInLine + 1)));
        } catch (RuntimeException e) {
            throw new TemplateException(new TemplateProblem("liquid: " + firstLine(e.getMessage()), 1, 1));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot be read";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
