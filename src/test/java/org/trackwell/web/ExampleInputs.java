package org.trackwell.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.arbitraries.StringArbitrary;
import org.trackwell.web.ApiContract.Operation;
import org.trackwell.web.ApiContract.Parameter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values for an operation's parameters and body, made from their schemas with jqwik's
 * generators: valid ones, boundary ones (jqwik's edge cases and the schema's own limits), and
 * ones the schema forbids. Whether a value is in fact forbidden is the validator's call, not
 * this class's: a mutation the schema happens to allow is then simply another valid example.
 */
final class ExampleInputs {

    enum Kind {
        VALID,
        BOUNDARY,
        INVALID
    }

    /** Text a person could type: letters, digits, spaces and a few accented letters. */
    private static StringArbitrary words() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .numeric()
                .withChars(' ', '-', 'é', 'ö')
                .ofMaxLength(40);
    }

    private static final long FIRST_DAY = LocalDate.of(1900, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(2200, 12, 31).toEpochDay();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiContract contract;
    private final Map<String, String> known;
    private final Random random;

    /**
     * @param known values that name something real in the test's tenant, by the parameter or field
     *     name that takes them (a client's code, a team's id), used for most valid examples
     */
    ExampleInputs(ApiContract contract, Map<String, String> known, Random random) {
        this.contract = contract;
        this.known = known;
        this.random = random;
    }

    /** One call of an operation: its path and query filled in, its body, and whether the schema allows it. */
    record Example(Kind kind, String path, String body, List<String> forbiddenBecause) {

        boolean forbidden() {
            return !forbiddenBecause.isEmpty();
        }

        @Override
        public String toString() {
            return kind + " " + path + (body.isEmpty() ? "" : " " + abbreviated(body));
        }

        private static String abbreviated(String text) {
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }
    }

    /** The first example of each operation is valid, the second on the boundaries, the rest forbidden. */
    Example exampleOf(Operation operation, int number) {
        Kind kind = number == 0 ? Kind.VALID : number == 1 ? Kind.BOUNDARY : Kind.INVALID;
        List<Parameter> parameters = operation.parameters();
        Parameter spoilt = kind == Kind.INVALID && !parameters.isEmpty() && random.nextBoolean()
                        || kind == Kind.INVALID && operation.body().isEmpty() && !parameters.isEmpty()
                ? parameters.get(random.nextInt(parameters.size()))
                : null;
        List<String> forbiddenBecause = new ArrayList<>();
        String path = operation.path();
        StringJoiner query = new StringJoiner("&");
        for (Parameter parameter : parameters) {
            JsonNode value;
            if (parameter == spoilt) {
                if (!parameter.in().equals("path") && random.nextInt(4) == 0) {
                    if (parameter.required()) {
                        forbiddenBecause.add(parameter.name() + " is required");
                    }
                    continue;
                }
                value = forbidden(parameter.schema());
            } else if (!parameter.required() && kind == Kind.VALID && random.nextBoolean()) {
                continue;
            } else {
                value = value(parameter.name(), parameter.schema(), kind == Kind.BOUNDARY ? kind : Kind.VALID);
            }
            String text = value.isString() ? value.asString() : value.toString();
            contract.breaches(parameter.schema(), asRead(text, contract.resolve(parameter.schema())))
                    .forEach(breach -> forbiddenBecause.add(parameter.name() + ": " + breach));
            String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
            if (parameter.in().equals("path")) {
                path = path.replace("{" + parameter.name() + "}", encoded.isEmpty() ? "%20" : encoded);
            } else if (parameter.in().equals("query")) {
                query.add(parameter.name() + "=" + encoded);
            }
        }
        String body = "";
        if (operation.body().isPresent()) {
            JsonNode schema = operation.body().get();
            body = kind == Kind.INVALID && spoilt == null
                    ? forbiddenBody(schema)
                    : value("", schema, kind).toString();
            try {
                contract.breaches(schema, JSON.readTree(body))
                        .forEach(breach -> forbiddenBecause.add("body: " + breach));
            } catch (JacksonException malformed) {
                forbiddenBecause.add("body: not JSON");
            }
        }
        return new Example(kind, query.length() == 0 ? path : path + "?" + query, body, forbiddenBecause);
    }

    /** A parameter's text as the schema reads it: a number where it wants one and the text is one. */
    private static JsonNode asRead(String text, JsonNode schema) {
        String type = type(schema);
        if (type.equals("integer") || type.equals("number")) {
            try {
                return NODES.numberNode(new BigInteger(text));
            } catch (NumberFormatException notWhole) {
                // a whole number is read as one, which the validator compares past 64 bits as well
            }
            try {
                return NODES.numberNode(new BigDecimal(text));
            } catch (NumberFormatException notANumber) {
                return NODES.stringNode(text);
            }
        }
        if (type.equals("boolean") && (text.equals("true") || text.equals("false"))) {
            return NODES.booleanNode(Boolean.parseBoolean(text));
        }
        return NODES.stringNode(text);
    }

    /** A value of the schema, within its limits (VALID) or on them (BOUNDARY). */
    JsonNode value(String name, JsonNode declared, Kind kind) {
        JsonNode schema = contract.resolve(declared);
        if (known.containsKey(name) && kind == Kind.VALID && random.nextInt(4) > 0) {
            return NODES.stringNode(known.get(name));
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        return switch (type(schema)) {
            case "object" -> object(schema, kind);
            case "array" -> array(name, schema, kind);
            case "integer" -> NODES.numberNode(pick(integers(schema), kind));
            case "number" -> NODES.numberNode(pick(numbers(schema), kind));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.stringNode(text(schema, kind));
        };
    }

    /** A value the schema most likely forbids: of another type, past a limit, or malformed. */
    JsonNode forbidden(JsonNode declared) {
        JsonNode schema = contract.resolve(declared);
        List<JsonNode> candidates = new ArrayList<>();
        candidates.add(NODES.arrayNode().add("x"));
        if (schema.has("enum")) {
            candidates.add(NODES.stringNode("NOT_ONE_OF_THEM"));
        }
        switch (type(schema)) {
            case "integer", "number" -> {
                candidates.add(NODES.stringNode("twelve"));
                candidates.add(NODES.numberNode(BigInteger.TEN.pow(40)));
                if (type(schema).equals("integer")) {
                    candidates.add(NODES.numberNode(new BigDecimal("1.5")));
                }
                schema.optional("maximum")
                        .ifPresent(max -> candidates.add(
                                NODES.numberNode(max.decimalValue().add(BigDecimal.ONE))));
                schema.optional("minimum")
                        .ifPresent(min -> candidates.add(
                                NODES.numberNode(min.decimalValue().subtract(BigDecimal.ONE))));
            }
            case "boolean" -> candidates.add(NODES.stringNode("yes"));
            case "array" -> {
                candidates.add(NODES.stringNode("not a list"));
                schema.optional("maxItems").ifPresent(max -> {
                    ArrayNode many = NODES.arrayNode();
                    for (int i = 0; i <= max.asInt(); i++) {
                        many.add(value("", schema.path("items"), Kind.VALID));
                    }
                    candidates.add(many);
                });
            }
            case "object" -> candidates.add(NODES.stringNode("not an object"));
            default -> {
                candidates.add(NODES.numberNode(42));
                schema.optional("maxLength")
                        .ifPresent(max -> candidates.add(NODES.stringNode("a".repeat(max.asInt() + 1))));
                if (schema.path("minLength").asInt(0) > 0) {
                    candidates.add(NODES.stringNode(""));
                }
                switch (schema.path("format").asString("")) {
                    case "uuid" -> candidates.add(NODES.stringNode("not-a-uuid"));
                    case "date-time" -> candidates.add(NODES.stringNode("2026-02-30T25:61:00Z"));
                    case "date" -> candidates.add(NODES.stringNode("31/12/2026"));
                    default -> {}
                }
            }
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    /**
     * A body the schema forbids: a valid one with one field made invalid or a required one left
     * out, or no object at all.
     */
    String forbiddenBody(JsonNode declared) {
        JsonNode schema = contract.resolve(declared);
        int choice = random.nextInt(10);
        if (choice == 0) {
            return "{\"unclosed\": ";
        }
        if (choice == 1 || !type(schema).equals("object") || !schema.has("properties")) {
            return forbidden(schema).toString();
        }
        ObjectNode body = (ObjectNode) value("", schema, Kind.VALID);
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(field -> required.add(field.asString()));
        if (choice == 2 && !required.isEmpty()) {
            body.remove(required.get(random.nextInt(required.size())));
            return body.toString();
        }
        List<String> fields = new ArrayList<>(schema.get("properties").propertyNames());
        String field = fields.get(random.nextInt(fields.size()));
        body.set(field, forbidden(schema.get("properties").get(field)));
        return body.toString();
    }

    private JsonNode object(JsonNode schema, Kind kind) {
        ObjectNode object = NODES.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(field -> required.add(field.asString()));
        schema.path("properties").properties().forEach(property -> {
            if (required.contains(property.getKey()) || kind == Kind.BOUNDARY || random.nextInt(3) > 0) {
                object.set(property.getKey(), value(property.getKey(), property.getValue(), kind));
            }
        });
        return object;
    }

    private JsonNode array(String name, JsonNode schema, Kind kind) {
        int min = schema.path("minItems").asInt(0);
        int max = Math.min(schema.path("maxItems").asInt(3), 3);
        int size = kind == Kind.BOUNDARY ? (random.nextBoolean() ? min : max) : min + random.nextInt(max - min + 1);
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < size; i++) {
            JsonNode item = value(name, schema.path("items"), kind);
            if (!schema.path("uniqueItems").asBoolean(false) || !contains(array, item)) {
                array.add(item);
            }
        }
        return array;
    }

    private static boolean contains(ArrayNode array, JsonNode item) {
        for (JsonNode present : array) {
            if (present.equals(item)) {
                return true;
            }
        }
        return false;
    }

    private String text(JsonNode schema, Kind kind) {
        return switch (schema.path("format").asString("")) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" ->
                LocalDate.ofEpochDay(pick(Arbitraries.longs().between(FIRST_DAY, LAST_DAY), kind))
                        .toString();
            case "date-time" ->
                Instant.ofEpochSecond(pick(Arbitraries.longs().between(FIRST_DAY * 86_400, LAST_DAY * 86_400), kind))
                        .toString();
            default -> {
                int min = schema.path("minLength").asInt(0);
                int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
                if (kind == Kind.BOUNDARY && max < 100_000) {
                    yield "a".repeat(random.nextBoolean() ? min : max);
                }
                String words = pick(words().ofMinLength(Math.min(min, 40)), kind);
                yield words.length() > max ? words.substring(0, max) : words;
            }
        };
    }

    private static Arbitrary<Long> integers(JsonNode schema) {
        boolean int32 = schema.path("format").asString("").equals("int32");
        long min = schema.path("minimum").asLong(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE);
        long max = schema.path("maximum").asLong(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE);
        return Arbitraries.longs().between(min, max);
    }

    private static Arbitrary<BigDecimal> numbers(JsonNode schema) {
        return Arbitraries.bigDecimals()
                .between(
                        schema.optional("minimum").map(JsonNode::decimalValue).orElse(new BigDecimal("-1000000")),
                        schema.optional("maximum").map(JsonNode::decimalValue).orElse(new BigDecimal("1000000")))
                .ofScale(2);
    }

    /** A sample, or for a boundary one of jqwik's edge cases (the limits, zero, one). */
    private <T> T pick(Arbitrary<T> arbitrary, Kind kind) {
        if (kind == Kind.BOUNDARY) {
            List<Shrinkable<T>> edges = new ArrayList<>();
            arbitrary.edgeCases().iterator().forEachRemaining(edges::add);
            if (!edges.isEmpty()) {
                return edges.get(random.nextInt(edges.size())).value();
            }
        }
        return arbitrary.generator(100).next(random).value();
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (!one.asString().equals("null")) {
                    return one.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : "string";
    }
}
