package io.plugmate.gateway.openapi;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.plugmate.gateway.routing.Route;
import io.plugmate.gateway.routing.RoutingTable;

/**
 * The public API as one OpenAPI document: every service's paths under the public path the routing table gives them
 * (a path no route reaches is left out: it is not public), their components side by side. Two services naming
 * different components alike keep both, the later one renamed {@code <service>.<name>} with its references; equal
 * ones are kept once. An operationId two services share is prefixed with the service's name. Operations on routes the
 * edge leaves open declare {@code security: []}.
 */
public final class OpenApiMerger {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] OPERATIONS = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private OpenApiMerger() {
    }

    /**
     * @param documents each service's own document, by service name, in the order they should appear
     * @param info the merged document's {@code info}
     * @param serverUrl the gateway's public URL
     */
    public static ObjectNode merge(Map<String, JsonNode> documents, ObjectNode info, String serverUrl) {
        ObjectNode merged = JSON.objectNode();
        merged.put("openapi", documents.values().stream().map(doc -> doc.path("openapi").asText(""))
                .filter(version -> !version.isEmpty()).findFirst().orElse("3.1.0"));
        merged.set("info", info);
        merged.putArray("servers").addObject().put("url", serverUrl);
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = JSON.objectNode();
        Map<String, JsonNode> tags = new LinkedHashMap<>();
        Set<String> operationIds = new HashSet<>();
        documents.forEach((service, original) -> {
            JsonNode document = renameClashes(service, original.deepCopy(), components);
            addComponents(document.path("components"), components);
            document.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), tag));
            document.path("paths").properties().forEach(path -> publicPath(service, path.getKey())
                    .ifPresent(publicPath -> paths.set(publicPath, EdgeResponses.declare(publicPath,
                            declareOpenAccess(publicPath, uniqueOperationIds(service, path.getValue(), operationIds))))));
        });
        if (!components.isEmpty()) {
            merged.set("components", components);
        }
        if (!tags.isEmpty()) {
            merged.putArray("tags").addAll(tags.values());
        }
        return merged;
    }

    /** Where a path a service serves is reached publicly, if the routing table routes it to that service. */
    public static Optional<String> publicPath(String service, String servicePath) {
        for (Route route : RoutingTable.ROUTES) {
            if (!route.service().equals(service)) {
                continue;
            }
            Optional<String> candidate = route.publicPath(servicePath);
            if (candidate.isPresent()
                    && RoutingTable.find(sample(candidate.get())).filter(route::equals).isPresent()) {
                return candidate;
            }
        }
        return Optional.empty();
    }

    /** A concrete path for a template: every {parameter} becomes one segment. */
    public static String sample(String template) {
        return template.replaceAll("\\{[^/{}]+}", "p1");
    }

    private static JsonNode renameClashes(String service, JsonNode document, ObjectNode merged) {
        Map<String, String> renames = new HashMap<>();
        document.path("components").properties().forEach(section -> section.getValue().properties().forEach(entry -> {
            JsonNode existing = merged.path(section.getKey()).get(entry.getKey());
            if (existing != null && !existing.equals(entry.getValue())) {
                renames.put("#/components/" + section.getKey() + "/" + entry.getKey(),
                        "#/components/" + section.getKey() + "/" + service + "." + entry.getKey());
            }
        }));
        if (renames.isEmpty()) {
            return document;
        }
        ObjectNode components = (ObjectNode) document.path("components");
        renames.forEach((from, to) -> {
            String[] fromParts = from.split("/");
            String section = fromParts[2];
            String name = fromParts[3];
            ObjectNode sectionNode = (ObjectNode) components.get(section);
            sectionNode.set(to.split("/")[3], sectionNode.remove(name));
        });
        rewriteRefs(document, renames);
        return document;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                object.set("$ref", TextNode.valueOf(renames.get(ref.asText())));
            }
            object.forEach(child -> rewriteRefs(child, renames));
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, renames));
        }
    }

    private static void addComponents(JsonNode from, ObjectNode into) {
        from.properties().forEach(section -> {
            ObjectNode target = into.has(section.getKey()) ? (ObjectNode) into.get(section.getKey())
                    : into.putObject(section.getKey());
            section.getValue().properties().forEach(entry -> {
                if (!target.has(entry.getKey())) {
                    target.set(entry.getKey(), entry.getValue());
                }
            });
        });
    }

    private static JsonNode uniqueOperationIds(String service, JsonNode pathItem, Set<String> taken) {
        for (String method : OPERATIONS) {
            if (pathItem.get(method) instanceof ObjectNode operation && operation.has("operationId")) {
                String id = operation.get("operationId").asText();
                if (!taken.add(id)) {
                    String renamed = camel(service) + "_" + id;
                    taken.add(renamed);
                    operation.put("operationId", renamed);
                }
            }
        }
        return pathItem;
    }

    /**
     * An operation the edge lets through without a token (OEM webhooks, the browser's link flow) says so explicitly
     * ({@code security: []}) unless its service declared something itself: "no token" is the edge's decision.
     */
    private static JsonNode declareOpenAccess(String publicPath, JsonNode pathItem) {
        boolean open = RoutingTable.find(sample(publicPath)).map(route -> route.access() == Route.Access.OPEN)
                .orElse(false);
        if (open) {
            for (String method : OPERATIONS) {
                if (pathItem.get(method) instanceof ObjectNode operation && !operation.has("security")) {
                    operation.putArray("security");
                }
            }
        }
        return pathItem;
    }

    private static String camel(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
