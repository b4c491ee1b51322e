package dev.penguinmails.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.testsupport.BadJsonBodies.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BadJsonBodiesTest {
    @Test
    void everyScalarANameAndADuplicateGetTheirVariantNamedByPath() {
        List<Variant> variants = BadJsonBodies.of("{\"name\":\"Ada\",\"seats\":3,\"tags\":[\"a\"],\"owner\":{\"admin\":true}}");

        assertThat(variants).extracting(Variant::toString).containsExactly(
                "malformed Unicode at name", "a number for a string at name",
                "a string for a number at seats",
                "malformed Unicode at tags[0]", "a number for a string at tags[0]",
                "a string for a boolean at owner.admin",
                "a malformed field name at x\\ud800", "a duplicate field at name");
        assertThat(variants.get(0).body()).isEqualTo(
                "{\"name\":\"\\ud800x\\udfff\",\"seats\":3,\"tags\":[\"a\"],\"owner\":{\"admin\":true}}");
        assertThat(variants.get(4).body()).contains("\"tags\":[42]");
        assertThat(variants.get(5).body()).contains("{\"admin\":\"true\"}");
        assertThat(variants.get(6).body()).endsWith(",\"x\\ud800\":\"x\"}");
        assertThat(variants.get(7).body()).startsWith("{\"name\":\"Ada\",\"name\":\"Ada\",\"seats\":3");
    }
}
