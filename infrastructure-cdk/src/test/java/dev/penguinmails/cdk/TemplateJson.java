package dev.penguinmails.cdk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A synthesized template as a JSON tree, with the look-ups the template tests share: resources by
 * type or physical name, references between them and every IAM statement. A nested template also knows
 * its stack's logical id in the parent and the value the parent passes each of its parameters, so that
 * a reference to a parameter can be followed back to the parent's resource ({@link #inParent}).
 *
 * @param stackResourceId the logical id of the nested stack in the parent; empty for the parent itself
 * @param parameters the parent's value of each parameter, by parameter name; empty for the parent itself
 */
public record TemplateJson(JsonNode root, String stackResourceId, Map<String, JsonNode> parameters) {

    public TemplateJson(JsonNode root) {
        this(root, "", Map.of());
    }

    /** Compares JSON numbers by value, so that 1 and 1.0 are equal. */
    public static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return 1;
    };

    private static final List<String> POLICY_TYPES = List.of(
            "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::SQS::QueuePolicy", "AWS::S3::BucketPolicy",
            "AWS::SNS::TopicPolicy");

    /** Resources of one type, by logical id. */
    public Map<String, JsonNode> resources(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        root.path("Resources").fields().forEachRemaining(e -> {
            if (type.equals(e.getValue().path("Type").asText())) {
                found.put(e.getKey(), e.getValue());
            }
        });
        return found;
    }

    /** The logical id of the one resource of {@code type} whose {@code nameProperty} is {@code name}. */
    public String logicalIdByName(String type, String nameProperty, String name) {
        List<String> ids = resources(type).entrySet().stream()
                .filter(e -> name.equals(e.getValue().path("Properties").path(nameProperty).asText()))
                .map(Map.Entry::getKey).toList();
        if (ids.size() != 1) {
            throw new AssertionError("expected one " + type + " with " + nameProperty + " = " + name + ", found " + ids);
        }
        return ids.get(0);
    }

    public JsonNode resource(String logicalId) {
        JsonNode node = root.path("Resources").path(logicalId);
        if (node.isMissingNode()) {
            throw new AssertionError("no resource " + logicalId);
        }
        return node;
    }

    public JsonNode properties(String logicalId) {
        return resource(logicalId).path("Properties");
    }

    /** The logical id a {@code {"Ref": id}} or {@code {"Fn::GetAtt": [id, attr]}} points at. */
    public static String referencedId(JsonNode reference) {
        if (reference.has("Ref")) {
            return reference.get("Ref").asText();
        }
        if (reference.has("Fn::GetAtt")) {
            return reference.get("Fn::GetAtt").get(0).asText();
        }
        throw new AssertionError("not a reference: " + reference);
    }

    /** A value that is either a single element or an array of them, as IAM allows. */
    public static List<JsonNode> oneOrMany(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return List.of();
        }
        return node.isArray() ? StreamSupport.stream(node.spliterator(), false).toList() : List.of(node);
    }

    /** Every statement of every policy in the template: identity policies, inline role policies, resource policies. */
    public List<JsonNode> policyStatements() {
        List<JsonNode> statements = new ArrayList<>();
        POLICY_TYPES.forEach(type -> resources(type).values().forEach(policy ->
                statements.addAll(oneOrMany(policy.path("Properties").path("PolicyDocument").path("Statement")))));
        resources("AWS::IAM::Role").values().forEach(role ->
                oneOrMany(role.path("Properties").path("Policies")).forEach(inline ->
                        statements.addAll(oneOrMany(inline.path("PolicyDocument").path("Statement")))));
        return statements;
    }

    /**
     * The statements of the identity policies attached to one role, named by its logical id in the parent when this
     * template is nested (the policy then names the role by the name in its ARN, a parameter).
     */
    public List<JsonNode> statementsOfRole(String roleLogicalId) {
        return resources("AWS::IAM::Policy").values().stream()
                .filter(p -> oneOrMany(p.path("Properties").path("Roles")).stream()
                        .anyMatch(r -> parentIds(r).contains(roleLogicalId)))
                .flatMap(p -> oneOrMany(p.path("Properties").path("PolicyDocument").path("Statement")).stream())
                .toList();
    }

    /** Action names of a statement. */
    public static Stream<String> actions(JsonNode statement) {
        return oneOrMany(statement.path("Action")).stream().map(JsonNode::asText);
    }

    /** Action names of several statements. */
    public static Stream<String> actions(List<JsonNode> statements) {
        return statements.stream().flatMap(TemplateJson::actions);
    }

    /** Every logical id referenced (by Ref or GetAtt) anywhere inside {@code node}; pseudo parameters excluded. */
    public static Set<String> referencedIds(JsonNode node) {
        Set<String> ids = new TreeSet<>();
        collectReferences(node, ids);
        return ids;
    }

    private static void collectReferences(JsonNode node, Set<String> ids) {
        if (node.isObject()) {
            if (node.has("Ref") && !node.get("Ref").asText().startsWith("AWS::")) {
                ids.add(node.get("Ref").asText());
            }
            if (node.has("Fn::GetAtt")) {
                ids.add(node.get("Fn::GetAtt").get(0).asText());
            }
        }
        node.forEach(child -> collectReferences(child, ids));
    }

    /**
     * {@code node} with every {@code {"Ref": parameter}} of this (nested) template replaced by the value the parent
     * passes: references to the parent's resources then name them by their logical ids in the parent template.
     */
    public JsonNode inParent(JsonNode node) {
        if (node.isObject() && node.size() == 1 && node.has("Ref") && parameters.containsKey(node.get("Ref").asText())) {
            return parameters.get(node.get("Ref").asText()).deepCopy();
        }
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) node).objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), inParent(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = ((com.fasterxml.jackson.databind.node.ArrayNode) node).arrayNode();
            node.forEach(child -> copy.add(inParent(child)));
            return copy;
        }
        return node;
    }

    /** {@link #referencedId} of a reference followed into the parent: the parent's logical id of a parameter's value. */
    public String parentId(JsonNode reference) {
        return referencedId(inParent(reference));
    }

    /** {@link #referencedIds} with every parameter followed into the parent. */
    public Set<String> parentIds(JsonNode node) {
        return referencedIds(inParent(node));
    }

    /** Whether {@code node} contains a Ref or GetAtt to {@code logicalId} anywhere inside it. */
    public static boolean refersTo(JsonNode node, String logicalId) {
        return referencedIds(node).contains(logicalId);
    }

    /** The Lambda function named {@code functionName}, and the logical id of its {@code live} alias. */
    public FunctionWithAlias functionWithAlias(String functionName, String aliasName) {
        String functionId = logicalIdByName("AWS::Lambda::Function", "FunctionName", functionName);
        List<String> aliases = resources("AWS::Lambda::Alias").entrySet().stream()
                .filter(e -> aliasName.equals(e.getValue().at("/Properties/Name").asText()))
                .filter(e -> functionId.equals(referencedId(e.getValue().at("/Properties/FunctionName"))))
                .map(Map.Entry::getKey).toList();
        if (aliases.size() != 1) {
            throw new AssertionError("expected one alias " + aliasName + " of " + functionName + ", found " + aliases);
        }
        return new FunctionWithAlias(functionId, aliases.get(0));
    }

    /** Logical ids of a Lambda function and of its alias. */
    public record FunctionWithAlias(String functionId, String aliasId) { }
}
