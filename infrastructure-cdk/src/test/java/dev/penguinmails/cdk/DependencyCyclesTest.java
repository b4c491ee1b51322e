package dev.penguinmails.cdk;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.penguinmails.cdk.SynthesizedStacks.Synthesized;
import software.amazon.awscdk.assertions.Template;

/**
 * CloudFormation refuses a template whose resources depend on each other in a circle, and CDK's synth does not
 * check it. With each family in a nested stack, a parent resource naming a nested output while the nested stack
 * takes a parameter from it is such a circle: a family role inside its nested stack, named by the parent's key
 * policies, was one (decision 0070). The assertions library refuses a cyclic template; every template passes it.
 */
class DependencyCyclesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void noTemplateHasADependencyCycle() {
        for (Synthesized s : List.of(SynthesizedStacks.penguinMails(), SynthesizedStacks.sample())) {
            assertDeployable(s.synthesis().stack().getStackName(), s.json().root());
            s.familyJson().forEach((family, json) -> assertDeployable(family + " functions", json.root()));
        }
    }

    @Test
    void aKeyPolicyNamingANestedOutputThatTheNestedStackTakesTheKeyFromIsACycle() {
        JsonNode cyclic = parse("""
                {"Resources":{
                  "Key":{"Type":"AWS::KMS::Key","Properties":{"KeyPolicy":{"Principal":{"Fn::GetAtt":["Nested","Outputs.Role"]}}}},
                  "Nested":{"Type":"AWS::CloudFormation::Stack","Properties":{"Parameters":{"KeyArn":{"Fn::GetAtt":["Key","Arn"]}}}}}}""");
        assertThatThrownBy(() -> Template.fromJSON(MAPPER.convertValue(cyclic, MAP)))
                .hasMessageContaining("dependency cycle");
    }

    private static void assertDeployable(String name, JsonNode template) {
        assertThatCode(() -> Template.fromJSON(MAPPER.convertValue(template, MAP))).as(name).doesNotThrowAnyException();
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
}
