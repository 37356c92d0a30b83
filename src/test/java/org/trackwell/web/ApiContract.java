package org.trackwell.web;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API as its OpenAPI description says it is: the operations, what each reads, and a JSON
 * Schema validator (networknt, draft 2020-12, which OpenAPI 3.1's schemas are) that says where a
 * value breaks the schema it is held to.
 */
final class ApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    record Parameter(String name, String in, boolean required, JsonNode schema) {}

    record Operation(
            String method, String path, List<Parameter> parameters, Optional<JsonNode> body, JsonNode responses) {

        String route() {
            return method + " " + path;
        }
    }

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(new SchemaRegistryConfig.Builder()
                    .formatAssertionsEnabled(true)
                    .build()));
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private ApiContract(JsonNode document) {
        this.document = document;
    }

    static ApiContract read(String description) {
        return new ApiContract(JSON.readTree(description));
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(entry -> {
                    if (!METHODS.contains(entry.getKey())) {
                        return;
                    }
                    JsonNode operation = entry.getValue();
                    List<Parameter> parameters = new ArrayList<>();
                    operation
                            .path("parameters")
                            .forEach(parameter -> parameters.add(new Parameter(
                                    parameter.get("name").asString(),
                                    parameter.get("in").asString(),
                                    parameter.path("required").asBoolean(false),
                                    parameter.path("schema"))));
                    Optional<JsonNode> body = Optional.ofNullable(
                            operation
                                            .at("/requestBody/content/application~1json/schema")
                                            .isMissingNode()
                                    ? null
                                    : operation.at("/requestBody/content/application~1json/schema"));
                    operations.add(new Operation(
                            entry.getKey().toUpperCase(),
                            path.getKey(),
                            parameters,
                            body,
                            operation.path("responses")));
                }));
        return operations;
    }

    /** The schema itself, following a {@code $ref} to the components. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            current = document.at(current.get("$ref").asString().substring(1));
        }
        return current;
    }

    /** Where the value breaks the schema, one line each; empty when it keeps it. */
    List<String> breaches(JsonNode schema, JsonNode value) {
        Schema validator;
        try {
            validator = compiled.computeIfAbsent(schema.toString(), key -> {
                ObjectNode whole = schema.isObject() ? ((ObjectNode) schema).deepCopy() : JSON.createObjectNode();
                whole.put("$schema", "https://json-schema.org/draft/2020-12/schema");
                whole.set("components", document.get("components"));
                return registry.getSchema(whole);
            });
            return validator.validate(value).stream().map(Object::toString).toList();
        } catch (SchemaException unreadable) {
            return List.of("the description's schema cannot be read: " + unreadable.getMessage());
        }
    }
}
