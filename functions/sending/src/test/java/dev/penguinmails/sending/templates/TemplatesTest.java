package dev.penguinmails.sending.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.sending.sequences.StepVariant;
import dev.penguinmails.sending.sequences.VariantPicker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Liquid, variables, HTML parts and variant choice. */
class TemplatesTest {

    @Test
    void liquidRendersFieldsWithFallbacks() {
        Map<String, Object> ana = ContactVariables.of(Map.of("first_name", "Ana"), Map.of("plan", "gold"), Map.of());
        assertThat(Liquid.render("Hi {{ first_name | default: \"there\" }} on {{ custom.plan }}", ana)).isEqualTo("Hi Ana on gold");
        assertThat(Liquid.render("Hi {{ first_name | default: \"there\" }}", ContactVariables.of(Map.of(), Map.of(), Map.of())))
                .isEqualTo("Hi there");
    }

    @Test
    void brokenLiquidNamesItsLineAndColumn() {
        assertThatThrownBy(() -> Liquid.parse("line one\nHi {% if x %} never closed"))
                .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.problem().line()).isEqualTo(2));
        assertThatThrownBy(() -> Liquid.parse("Hi {{ first_name ")).isInstanceOf(TemplateException.class);
        assertThat(TemplateSyntax.problem("Hi {{ a | default: 'x' }} {Hi|Hey}")).isEmpty();
    }

    @Test
    void variablesWithoutAFallbackAreFound() {
        assertThat(Variables.withoutFallback("{{ first_name }} {{ company | default: \"you\" }} {{ custom.plan | upcase }}"
                + "{% if title == \"CEO\" %}{{ title }}{% endif %}{% for t in tags %}{{ t }}{% endfor %}{{ 'lit' }}"))
                .containsExactlyInAnyOrder("first_name", "custom.plan", "title", "tags");
    }

    @Test
    void htmlIsSanitisedAndATextPartDerived() {
        String html = HtmlParts.sanitise("<p onclick=\"x()\">Hi <b>Ana</b></p><script>alert(1)</script>"
                + "<p>See <a href=\"https://acme.io\">our site</a><br>Bye</p><iframe src=\"x\"></iframe>");
        assertThat(html).doesNotContain("script", "onclick", "iframe").contains("<b>Ana</b>", "href=\"https://acme.io\"");
        assertThat(HtmlParts.text(html)).isEqualTo("Hi Ana\n\nSee our site (https://acme.io)\nBye");
        assertThat(HtmlParts.sanitise("<a href=\"javascript:alert(1)\">x</a>")).doesNotContain("javascript");
    }

    @Test
    void variantsAreChosenByWeightAndStablyPerContact() {
        List<StepVariant> variants = List.of(new StepVariant("A", 1, "a", "a"), new StepVariant("B", 3, "b", "b"));
        Map<String, Integer> counts = new HashMap<>();
        for (int c = 0; c < 4000; c++) {
            counts.merge(VariantPicker.pick(variants, "ctc_" + c, 0).name(), 1, Integer::sum);
        }
        assertThat(counts.get("A")).isBetween(850, 1150);
        assertThat(counts.get("B")).isBetween(2850, 3150);
        String first = VariantPicker.pick(variants, "ctc_42", 1).name();
        for (int i = 0; i < 10; i++) {
            assertThat(VariantPicker.pick(variants, "ctc_42", 1).name()).isEqualTo(first);
        }
    }
}
