package dev.penguinmails.sending.launch;

import dev.penguinmails.sending.campaigns.Campaign;
import dev.penguinmails.sending.campaigns.CampaignDefinition;
import dev.penguinmails.sending.campaigns.LaunchGate;
import dev.penguinmails.sending.sequences.SequenceStep;
import dev.penguinmails.sending.sequences.StepVariant;
import dev.penguinmails.sending.templates.ContactVariables;
import dev.penguinmails.sending.templates.EmailRenderer;
import dev.penguinmails.sending.templates.TemplateException;
import dev.penguinmails.sending.templates.TemplateSyntax;
import dev.penguinmails.sending.templates.Variables;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a campaign must pass before it sends, all checked every time so that the owner sees every problem at
 * once: a sequence, an audience, a mailbox pool of connected mailboxes on verified domains, no variable without a
 * fallback that contacts do not have, and content that renders for sample contacts.
 */
@Singleton
public class LaunchChecks implements LaunchGate {
    public static final ProblemType NOT_READY =
            ProblemType.of("campaign-not-ready", "The campaign does not pass its launch checks", 422);

    private final List<SenderCheck> senderChecks;

    LaunchChecks(List<SenderCheck> senderChecks) {
        this.senderChecks = senderChecks;
    }

    /** The report for {@code campaign}, rendered for the built-in sample contacts and {@code samples}. */
    public LaunchCheckReport run(TenantContext tenant, Campaign campaign, List<SampleContact> samples) {
        CampaignDefinition d = campaign.definition();
        List<LaunchProblem> problems = new ArrayList<>();
        if (d.sequence().isEmpty()) {
            problems.add(new LaunchProblem("sequence-empty", "sequence", "The sequence has no step."));
        }
        if (d.audience().listIds().isEmpty() && d.audience().segmentIds().isEmpty()) {
            problems.add(new LaunchProblem("audience-empty", "audience", "Choose at least one list or segment."));
        }
        if (d.mailboxes().mailboxIds().isEmpty()) {
            problems.add(new LaunchProblem("mailbox-pool-empty", "mailboxes.mailboxIds", "Choose at least one mailbox to send from."));
        }
        senderChecks.forEach(check -> problems.addAll(check.check(tenant, d)));
        List<SampleContact> contacts = new ArrayList<>(SampleContact.builtIn());
        contacts.addAll(samples);
        Set<String> custom = new HashSet<>();
        samples.forEach(s -> custom.addAll(s.custom().keySet()));
        undefined(d, ContactVariables.known(custom), problems);
        rendering(d, contacts, problems);
        return LaunchCheckReport.of(problems);
    }

    @Override
    public void requireReady(TenantContext tenant, Campaign campaign) {
        LaunchCheckReport report = run(tenant, campaign, List.of());
        if (!report.ready()) {
            throw new ProblemException(NOT_READY, report.problems().size() + " launch check(s) failed; each is under errors "
                    + "(GET .../launch-checks shows them too).",
                    report.problems().stream().map(p -> new FieldError(p.field() == null ? p.code() : p.field(),
                            p.code() + ": " + p.detail())).toList(), Map.of());
        }
    }

    private static void undefined(CampaignDefinition d, Set<String> known, List<LaunchProblem> problems) {
        for (int s = 0; s < d.sequence().size(); s++) {
            SequenceStep step = d.sequence().get(s);
            for (int v = 0; v < step.variants().size(); v++) {
                StepVariant variant = step.variants().get(v);
                String at = "sequence[" + s + "].variants[" + v + "].";
                if (variant.subject() != null && !(step.replyInThread() && s > 0)) {
                    undefinedIn(variant.subject(), at + "subject", known, problems);
                }
                undefinedIn(variant.html(), at + "html", known, problems);
            }
        }
        if (d.unsubscribeFooter() != null) {
            undefinedIn(d.unsubscribeFooter(), "unsubscribeFooter", known, problems);
        }
    }

    private static void undefinedIn(String template, String field, Set<String> known, List<LaunchProblem> problems) {
        if (TemplateSyntax.problem(template).isPresent()) {
            return;
        }
        for (String name : Variables.withoutFallback(template)) {
            if (!known.contains(name)) {
                problems.add(new LaunchProblem("undefined-variable", field, "{{ " + name + " }} is not a contact or custom "
                        + "field; fix the name or give it a fallback: {{ " + name + " | default: \"...\" }}"));
            }
        }
    }

    private static void rendering(CampaignDefinition d, List<SampleContact> contacts, List<LaunchProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (SampleContact contact : contacts) {
            Map<String, Object> variables = variables(contact);
            for (int s = 0; s < d.sequence().size(); s++) {
                for (StepVariant variant : d.sequence().get(s).variants()) {
                    try {
                        EmailRenderer.render(d.sequence(), s, variant.name(), contact.key(), variables, d.unsubscribeFooter());
                    } catch (TemplateException | IllegalArgumentException e) {
                        String field = "sequence[" + s + "].variants[" + variant.name() + "]";
                        if (seen.add(field + e.getMessage())) {
                            problems.add(new LaunchProblem("render-failed", field, "For sample contact " + contact.key()
                                    + ": " + e.getMessage()));
                        }
                    }
                }
            }
        }
    }

    /** A sample contact's Liquid variables, with placeholders for what each email gets. */
    public static Map<String, Object> variables(SampleContact contact) {
        return ContactVariables.of(Map.copyOf(contact.fields()), contact.custom(), Map.of(
                "unsubscribe_url", "https://example.io/unsubscribe/preview",
                "sender", Map.of("name", "Sender", "email", "sender@example.io")));
    }
}
