package dev.penguinmails.sending.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpintaxTest {

    @Test
    void theSameSeedChoosesTheSameEveryTime() {
        String text = "{Hi|Hello|Hey} {there|{friend|pal}}!";
        long seed = Seeds.of("spin", "ctc_1", "0");

        String once = Spintax.spin(text, seed);
        assertThat(once).matches("(Hi|Hello|Hey) (there|friend|pal)!");
        for (int i = 0; i < 20; i++) {
            assertThat(Spintax.spin(text, seed)).isEqualTo(once);
        }
    }

    @Test
    void contactsAndStepsSpreadOverEveryOptionEvenly() {
        Map<String, Integer> counts = new HashMap<>();
        for (int c = 0; c < 3000; c++) {
            counts.merge(Spintax.spin("{Hi|Hello|Hey}", Seeds.of("spin", "ctc_" + c, "0")), 1, Integer::sum);
        }
        assertThat(counts).containsOnlyKeys("Hi", "Hello", "Hey");
        counts.values().forEach(n -> assertThat(n).isBetween(850, 1150));

        Set<String> perStep = new HashSet<>();
        for (int step = 0; step < 30; step++) {
            perStep.add(Spintax.spin("{a|b|c|d}", Seeds.of("spin", "ctc_1", Integer.toString(step))));
        }
        assertThat(perStep).as("one contact gets different choices in different steps").hasSizeGreaterThan(1);
    }

    @Test
    void liquidAndSingleOptionBracesAreLeftAlone() {
        String text = "{{ first_name | default: \"there\" }} {% if company %}x{% endif %} p{color:red} {a|a}";
        assertThat(Spintax.spin(text, 1)).isEqualTo("{{ first_name | default: \"there\" }} {% if company %}x{% endif %} p{color:red} a");
    }

    @Test
    void unbalancedBracesAreErrorsWithTheirPosition() {
        assertThat(Spintax.check("ok\n  {Hi|Hello")).hasValueSatisfying(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(3);
            assertThat(p.message()).contains("never closed");
        });
        assertThat(Spintax.check("Hi} there")).hasValueSatisfying(p -> assertThat(p.column()).isEqualTo(3));
        assertThat(Spintax.check("{a|{b|c}")).isPresent();
        assertThat(Spintax.check("{a|{b|c}}")).isEmpty();
        assertThatThrownBy(() -> Spintax.spin("{a", 1)).isInstanceOf(TemplateException.class);
    }
}
