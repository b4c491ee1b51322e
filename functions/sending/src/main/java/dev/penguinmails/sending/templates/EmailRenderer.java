package dev.penguinmails.sending.templates;

import dev.penguinmails.sending.sequences.SequenceStep;
import dev.penguinmails.sending.sequences.StepVariant;
import dev.penguinmails.sending.sequences.VariantPicker;
import java.util.List;
import java.util.Map;

/**
 * Renders a step for a contact: the variant by weight, spintax (seeded by contact and step), then Liquid over the
 * contact's variables, then the HTML sanitised and a text part derived from it. Spintax goes first so that a
 * contact's own text (a company called "{A|B}") is never spun. A step that replies in thread takes "Re: " and the
 * first step's subject as this contact got it.
 */
public final class EmailRenderer {
    private EmailRenderer() { }

    /**
     * @param variantName the variant to render, or null for the one the contact gets
     * @param footer      HTML appended to the body (the unsubscribe footer), or null
     */
    public static RenderedEmail render(List<SequenceStep> sequence, int stepIndex, String variantName, String contactKey,
                                       Map<String, Object> variables, String footer) {
        SequenceStep step = sequence.get(stepIndex);
        StepVariant variant = variantName == null ? VariantPicker.pick(step.variants(), contactKey, stepIndex)
                : step.variants().stream().filter(v -> v.name().equals(variantName)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no variant " + variantName));
        long seed = Seeds.of("spin", contactKey, Integer.toString(stepIndex));
        String subject;
        if (step.replyInThread() && stepIndex > 0) {
            RenderedEmail first = render(sequence, 0, null, contactKey, variables, null);
            subject = first.subject().regionMatches(true, 0, "Re:", 0, 3) ? first.subject() : "Re: " + first.subject();
        } else {
            subject = oneLine(Liquid.render(Spintax.spin(variant.subject(), seed), variables));
        }
        String body = variant.html() + (footer == null ? "" : "\n" + footer);
        String html = HtmlParts.sanitise(Liquid.render(Spintax.spin(body, Seeds.of("spin-body", contactKey,
                Integer.toString(stepIndex))), variables));
        return new RenderedEmail(stepIndex, variant.name(), step.replyInThread(), subject, html, HtmlParts.text(html));
    }

    private static String oneLine(String subject) {
        return subject.replaceAll("\\s+", " ").strip();
    }
}
