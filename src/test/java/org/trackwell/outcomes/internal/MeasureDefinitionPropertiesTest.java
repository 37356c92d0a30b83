package org.trackwell.outcomes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Measure definitions as a tenant might import them: any text, and every built-in definition
 * with parts removed, emptied or replaced by values of the wrong kind or size. Each is either a
 * usable measure or refused with reasons, never anything else.
 */
class MeasureDefinitionPropertiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> BUILT_IN =
            MeasureDefinitions.builtIn().stream().map(MeasureDefinitions::write).toList();

    @Property
    void anyTextIsEitherADefinitionOrRefused(@ForAll String text) {
        assertUsableOrRefused(text);
    }

    @Property(tries = 3000)
    void aBuiltInDefinitionChangedAnywhereIsEitherUsableOrRefused(@ForAll("changedDefinitions") String json) {
        assertUsableOrRefused(json);
    }

    static void assertUsableOrRefused(String json) {
        try {
            Measure measure = MeasureDefinitions.parse(json);
            Statistics.collect("usable");
            assertThat(MeasureRules.problems(measure)).isEmpty();
            assertThat(measure.lowestTotal()).isLessThanOrEqualTo(measure.highestTotal());
        } catch (DefinitionInvalid refused) {
            Statistics.collect(
                    refused.details().getFirst().contains("file format") ? "not the format" : "refused by the rules");
            assertThat(refused.details()).isNotEmpty().doesNotContainNull();
        }
    }

    @Provide
    static Arbitrary<String> changedDefinitions() {
        return Combinators.combine(
                        Arbitraries.of(BUILT_IN), changes().list().ofMinSize(1).ofMaxSize(4))
                .as((json, changes) -> {
                    JsonNode tree = JSON.readTree(json);
                    for (Change change : changes) {
                        change.applyTo(tree);
                    }
                    return JSON.writeValueAsString(tree);
                });
    }

    /** One change at a pseudo-random place in the tree: a node's field removed or given another value. */
    record Change(int place, boolean remove, JsonNode value) {

        void applyTo(JsonNode tree) {
            List<JsonNode> containers = new ArrayList<>();
            collect(tree, containers);
            JsonNode container = containers.get(Math.floorMod(place, containers.size()));
            if (container instanceof ObjectNode object && !object.isEmpty()) {
                List<String> names = new ArrayList<>(object.propertyNames());
                String name = names.get(Math.floorMod(place / 7, names.size()));
                if (remove) {
                    object.remove(name);
                } else {
                    object.set(name, value.deepCopy());
                }
            } else if (container instanceof ArrayNode array) {
                if (remove && !array.isEmpty()) {
                    array.remove(Math.floorMod(place / 7, array.size()));
                } else {
                    array.add(value.deepCopy());
                }
            }
        }

        private static void collect(JsonNode node, List<JsonNode> containers) {
            if (node.isContainer()) {
                containers.add(node);
                for (JsonNode child : node) {
                    collect(child, containers);
                }
            }
        }
    }

    static Arbitrary<Change> changes() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.of(true, false), values())
                .as(Change::new);
    }

    static Arbitrary<JsonNode> values() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return Arbitraries.oneOf(
                Arbitraries.of(
                        nodes.nullNode(),
                        nodes.stringNode(""),
                        nodes.stringNode(" "),
                        nodes.stringNode("x"),
                        nodes.stringNode("SUM"),
                        nodes.stringNode("MEAN"),
                        nodes.stringNode("MEDIAN"),
                        nodes.booleanNode(true),
                        nodes.numberNode(0),
                        nodes.numberNode(-1),
                        nodes.numberNode(Integer.MAX_VALUE),
                        nodes.numberNode(Integer.MIN_VALUE),
                        nodes.numberNode(Long.MAX_VALUE),
                        nodes.numberNode(0.5),
                        nodes.numberNode(-1e308),
                        nodes.numberNode(1e308),
                        nodes.numberNode(new java.math.BigInteger("123456789012345678901234567890")),
                        nodes.arrayNode(),
                        nodes.objectNode(),
                        nodes.arrayNode().addNull(),
                        nodes.arrayNode().add(nodes.objectNode())),
                Arbitraries.integers().between(-200, 1200).map(nodes::numberNode),
                Arbitraries.strings().ofMaxLength(20).map(nodes::stringNode),
                Arbitraries.of(Map.of("label", "Often", "score", 2), Map.of("from", 3, "label", "High"))
                        .map(fields -> JSON.valueToTree(fields)));
    }
}
