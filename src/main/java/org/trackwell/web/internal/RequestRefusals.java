package org.trackwell.web.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.trackwell.web.internal.RequestDates.ValueRefused;
import org.trackwell.web.internal.StrictJson.RuleBroken;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Requests the product cannot read, said in the user's words: which field, and what it must be.
 * Never the input itself, a class name or the parser's own message.
 */
final class RequestRefusals {

    private RequestRefusals() {}

    static Problem unreadableBody(HttpMessageNotReadableException e) {
        JacksonException json = find(e, JacksonException.class).orElse(null);
        if (json == null || !(json instanceof tools.jackson.databind.DatabindException)) {
            return invalid("The request body is not valid JSON.", List.of());
        }
        String field = path(json);
        String why = switch (json) {
            case RuleBroken rule -> rule.getOriginalMessage();
            case UnrecognizedPropertyException unknown -> "is not a field of this request.";
            case InvalidNullException missing -> "must have a value.";
            case MismatchedInputException mismatch
            when mismatch.getTargetType() != null -> "must be " + kindOf(mismatch.getTargetType()) + ".";
            default -> "is not of the expected kind.";
        };
        return field.isEmpty()
                ? invalid("The request body " + why, List.of())
                : invalid(label(field) + " " + why, List.of(field + ": " + why));
    }

    static Problem mismatchedValue(TypeMismatchException e) {
        String field = Optional.ofNullable(e.getPropertyName()).orElse("a value");
        String why = find(e, ValueRefused.class)
                .map(Throwable::getMessage)
                .orElseGet(() -> "must be " + kindOf(e.getRequiredType()) + ".");
        return invalid(label(field) + " " + why, List.of(field + ": " + why));
    }

    static Problem missingValue(MissingServletRequestParameterException e) {
        String why = "is required.";
        return invalid(label(e.getParameterName()) + " " + why, List.of(e.getParameterName() + ": " + why));
    }

    static Problem outOfBounds(HandlerMethodValidationException e) {
        List<String> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> label(Optional.ofNullable(
                                                result.getMethodParameter().getParameterName())
                                        .orElse("a value"))
                                + " "
                                + error.getDefaultMessage()
                                + "."))
                .toList();
        return invalid(errors.isEmpty() ? "Some values are out of range." : errors.getFirst(), errors);
    }

    /** A value the database itself refused (out of range, not storable): a last line of defence. */
    static Optional<Problem> refusedByDatabase(Throwable e) {
        return find(e, SQLException.class).map(SQLException::getSQLState).flatMap(state -> {
            if (state != null && state.startsWith("22")) {
                return Optional.of(invalid("A value in the request is out of range or cannot be stored.", List.of()));
            }
            if ("23505".equals(state)) {
                return Optional.of(Problem.of(409, "That is already recorded, or was changed at the same time."));
            }
            return Optional.empty();
        });
    }

    private static Problem invalid(String detail, List<String> errors) {
        return new Problem(400, "Invalid request", detail, errors);
    }

    private static String label(String field) {
        return "The field \"" + field + "\"";
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(step -> step.getPropertyName() != null
                        ? step.getPropertyName()
                        : step.getIndex() >= 0 ? String.valueOf(step.getIndex()) : "")
                .filter(step -> !step.isEmpty())
                .collect(Collectors.joining("."));
    }

    private static String kindOf(@Nullable Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(constant -> ((Enum<?>) constant).name())
                            .collect(Collectors.joining(", "));
        }
        Map<Class<?>, String> kinds = Map.ofEntries(
                Map.entry(String.class, "text"),
                Map.entry(Integer.class, "a whole number"),
                Map.entry(int.class, "a whole number"),
                Map.entry(Long.class, "a whole number"),
                Map.entry(long.class, "a whole number"),
                Map.entry(BigInteger.class, "a whole number"),
                Map.entry(BigDecimal.class, "a number"),
                Map.entry(Double.class, "a number"),
                Map.entry(double.class, "a number"),
                Map.entry(Boolean.class, "true or false"),
                Map.entry(boolean.class, "true or false"),
                Map.entry(LocalDate.class, "a date such as 2026-12-01"),
                Map.entry(Instant.class, "a time such as 2026-12-01T09:30:00Z"),
                Map.entry(LocalTime.class, "a time of day such as 08:00"),
                Map.entry(YearMonth.class, "a month such as 2026-12"),
                Map.entry(UUID.class, "an id"));
        if (kinds.containsKey(type)) {
            return kinds.get(type);
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object with fields";
    }

    private static <T extends Throwable> Optional<T> find(Throwable e, Class<T> kind) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return Optional.of(kind.cast(cause));
            }
        }
        return Optional.empty();
    }
}
