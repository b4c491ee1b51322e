package dev.penguinmails.local.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.penguinmails.local.http.RouteMatch;
import dev.penguinmails.local.http.RouteTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the OpenAPI documents the functions' builds generate (micronaut-openapi writes them to
 * {@code META-INF/swagger/*.yml} in each jar) into one for the whole API. An operation is kept only if
 * the API Gateway routes send it to the function that documents it, so the merged document shows what
 * the API really serves. Every operation states its security: one that declares no requirement, in its own
 * document or at that document's root, is public and says so with an empty {@code security}; one that needs
 * credentials documents the 401 it answers without them.
 */
public final class OpenApiMerger {
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiMerger.class);
    /** PenguinMails is not open source; its API document says so instead of leaving the licence out. */
    static final String LICENSE = "Proprietary";
    private static final List<String> OPERATIONS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    /** One function's documents. */
    public record FunctionDocs(String family, List<String> yamlDocuments) { }

    /** The merged document as YAML, served from {@code serverUrl}. */
    public String merge(List<FunctionDocs> functions, RouteTable routes, URI serverUrl) {
        ObjectNode merged = yaml.createObjectNode();
        merged.put("openapi", "3.0.1");
        ObjectNode info = merged.putObject("info");
        info.put("title", "PenguinMails API");
        info.put("version", "local");
        info.put("description", "The API as the local stack serves it, merged from the functions: "
                + String.join(", ", functions.stream().map(FunctionDocs::family).toList()) + ".");
        info.putObject("license").put("name", LICENSE);
        merged.putArray("servers").addObject().put("url", serverUrl.toString());
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = yaml.createObjectNode();
        ArrayNode tags = yaml.createArrayNode();
        Set<String> tagNames = new HashSet<>();

        for (FunctionDocs function : functions) {
            for (String document : function.yamlDocuments()) {
                JsonNode doc = read(document, function.family());
                if (doc == null) {
                    continue;
                }
                if (doc.path("openapi").isTextual()) {
                    merged.put("openapi", doc.get("openapi").asText());
                }
                mergePaths(function.family(), doc.path("paths"), doc.path("security"), paths, routes);
                mergeComponents(function.family(), doc.path("components"), components);
                for (JsonNode tag : doc.path("tags")) {
                    if (tagNames.add(tag.path("name").asText())) {
                        tags.add(tag);
                    }
                }
            }
        }
        if (!tags.isEmpty()) {
            merged.set("tags", tags);
        }
        if (!components.isEmpty()) {
            merged.set("components", components);
        }
        try {
            return yaml.writeValueAsString(merged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(String document, String family) {
        try {
            JsonNode doc = yaml.readTree(document);
            return doc != null && doc.isObject() ? doc : null;
        } catch (IOException e) {
            LOG.warn("An OpenAPI document of function {} is not valid YAML and is left out: {}", family, e.getMessage());
            return null;
        }
    }

    private static void mergePaths(String family, JsonNode source, JsonNode rootSecurity, ObjectNode target,
                                   RouteTable routes) {
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            ObjectNode kept = null;
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String name = op.getKey().toLowerCase(Locale.ROOT);
                if (OPERATIONS.contains(name)) {
                    Optional<RouteMatch> match = routes.match(name.toUpperCase(Locale.ROOT), path.getKey());
                    boolean served = match.isPresent() && match.get().route().function().family().equals(family);
                    if (!served) {
                        LOG.debug("{} {} of function {} has no API Gateway route to it; not documented",
                                name.toUpperCase(Locale.ROOT), path.getKey(), family);
                        continue;
                    }
                }
                if (kept == null) {
                    kept = target.has(path.getKey()) ? (ObjectNode) target.get(path.getKey()) : target.objectNode();
                }
                kept.set(op.getKey(), OPERATIONS.contains(name) ? withSecurity(op.getValue(), rootSecurity) : op.getValue());
            }
            if (kept != null && hasOperation(kept)) {
                target.set(path.getKey(), kept);
            }
        }
    }

    /**
     * The operation with its security explicit (its own, else its document's default, else none: public), and,
     * when it needs credentials, the 401 that the API answers without them before any function is invoked.
     */
    private static JsonNode withSecurity(JsonNode operation, JsonNode rootSecurity) {
        if (!operation.isObject()) {
            return operation;
        }
        ObjectNode explicit = ((ObjectNode) operation).deepCopy();
        if (!explicit.has("security")) {
            if (rootSecurity.isArray()) {
                explicit.set("security", rootSecurity.deepCopy());
            } else {
                explicit.putArray("security");
            }
        }
        if (needsCredentials(explicit.get("security")) && !explicit.path("responses").has("401")) {
            JsonNode responses = explicit.path("responses");
            ObjectNode withUnauthorized = responses.isObject() ? (ObjectNode) responses : explicit.putObject("responses");
            withUnauthorized.putObject("401").put("description", "Missing or invalid credentials");
        }
        return explicit;
    }

    /** Whether no requirement of the list is empty, i.e. a caller without credentials is refused. */
    private static boolean needsCredentials(JsonNode security) {
        if (!security.isArray() || security.isEmpty()) {
            return false;
        }
        for (JsonNode requirement : security) {
            if (requirement.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasOperation(ObjectNode pathItem) {
        for (Iterator<String> names = pathItem.fieldNames(); names.hasNext(); ) {
            if (OPERATIONS.contains(names.next().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static void mergeComponents(String family, JsonNode source, ObjectNode target) {
        for (Iterator<Map.Entry<String, JsonNode>> sections = source.fields(); sections.hasNext(); ) {
            Map.Entry<String, JsonNode> section = sections.next();
            ObjectNode into = target.has(section.getKey()) ? (ObjectNode) target.get(section.getKey())
                    : target.putObject(section.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> items = section.getValue().fields(); items.hasNext(); ) {
                Map.Entry<String, JsonNode> item = items.next();
                JsonNode existing = into.get(item.getKey());
                if (existing == null) {
                    into.set(item.getKey(), item.getValue());
                } else if (!existing.equals(item.getValue())) {
                    // Two functions define the same name differently; the first one wins, loudly.
                    LOG.warn("OpenAPI {} '{}' of function {} differs from another function's; keeping the first",
                            section.getKey(), item.getKey(), family);
                }
            }
        }
    }
}
