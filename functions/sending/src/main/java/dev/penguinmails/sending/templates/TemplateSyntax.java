package dev.penguinmails.sending.templates;

import dev.penguinmails.sending.campaigns.CampaignDefinition;
import dev.penguinmails.sending.campaigns.ContentRules;
import dev.penguinmails.sending.sequences.SequenceStep;
import dev.penguinmails.sending.sequences.StepVariant;
import dev.penguinmails.shared.problems.FieldError;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Refuses templates that cannot be read: unbalanced spintax and broken Liquid, each with its line and column. */
@Singleton
public class TemplateSyntax implements ContentRules {

    @Override
    public List<FieldError> check(CampaignDefinition definition) {
        List<FieldError> errors = new ArrayList<>();
        for (int s = 0; s < definition.sequence().size(); s++) {
            SequenceStep step = definition.sequence().get(s);
            for (int v = 0; v < step.variants().size(); v++) {
                StepVariant variant = step.variants().get(v);
                String at = "sequence[" + s + "].variants[" + v + "].";
                if (variant.subject() != null) {
                    problem(variant.subject()).ifPresent(p -> errors.add(new FieldError(at + "subject", p.describe())));
                }
                problem(variant.html()).ifPresent(p -> errors.add(new FieldError(at + "html", p.describe())));
            }
        }
        if (definition.unsubscribeFooter() != null) {
            problem(definition.unsubscribeFooter()).ifPresent(p -> errors.add(new FieldError("unsubscribeFooter", p.describe())));
        }
        return errors;
    }

    /** The template's first problem: spintax first (its braces), then Liquid. */
    public static Optional<TemplateProblem> problem(String template) {
        Optional<TemplateProblem> spin = Spintax.check(template);
        if (spin.isPresent()) {
            return spin;
        }
        try {
            Liquid.parse(template);
            return Optional.empty();
        } catch (TemplateException e) {
            return Optional.of(e.problem());
        }
    }
}
