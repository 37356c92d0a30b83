package org.trackwell.web.internal;

import java.math.BigDecimal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The API reads exactly what it is sent: a number is not text, text is not a number, 2.5 is not a
 * whole number, an unknown field is a mistake, and text and dates obey {@link TextRules} and
 * {@link DateBounds}. Each refusal names the field, through Jackson's path.
 */
@Component
class StrictJson implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.enable(
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(
                        LogicalType.Textual,
                        config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, StrictJson::refuseText)
                .withCoercionConfig(LogicalType.Float, StrictJson::refuseText)
                // Amounts may come as text, the usual way to send an exact decimal in JSON.
                .withCoercionConfig(
                        BigDecimal.class,
                        config -> config.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        config -> refuseText(config).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, StrictJson::refuseText)
                .addModule(new SimpleModule("trackwell-strict").setDeserializerModifier(new Checked()));
    }

    private static tools.jackson.databind.cfg.MutableCoercionConfig refuseText(
            tools.jackson.databind.cfg.MutableCoercionConfig config) {
        return config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }

    /** Puts the text and date rules behind Jackson's own readers of those types. */
    private static final class Checked extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription.Supplier description, ValueDeserializer<?> reader) {
            Class<?> type = description.getBeanClass();
            if (type == String.class) {
                return new CheckedReader(
                        reader,
                        (parser, value) -> value instanceof String text
                                ? TextRules.problem(fieldName(parser), text)
                                : Optional.empty());
            }
            if (DateBounds.BOUNDED.contains(type)) {
                return new CheckedReader(reader, (parser, value) -> DateBounds.problem(value));
            }
            return reader;
        }
    }

    private interface Rule {
        Optional<String> problem(JsonParser parser, @Nullable Object value);
    }

    private static final class CheckedReader extends DelegatingDeserializer {

        private final Rule rule;

        CheckedReader(ValueDeserializer<?> reader, Rule rule) {
            super(reader);
            this.rule = rule;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> reader) {
            return new CheckedReader(reader, rule);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            Object value = super.deserialize(parser, context);
            Optional<String> problem = rule.problem(parser, value);
            if (problem.isPresent()) {
                throw new RuleBroken(parser, problem.get(), value, handledType());
            }
            return value;
        }
    }

    /** A value refused by one of our rules, whose message is written for people. */
    static final class RuleBroken extends InvalidFormatException {

        RuleBroken(JsonParser parser, String why, @Nullable Object value, Class<?> type) {
            super(parser, why, value, type);
        }
    }

    /** The name of the field being read, or of the list it is in. */
    private static String fieldName(JsonParser parser) {
        for (TokenStreamContext context = parser.streamReadContext(); context != null; context = context.getParent()) {
            if (context.currentName() != null) {
                return context.currentName();
            }
        }
        return "";
    }
}
