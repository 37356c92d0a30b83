package org.trackwell.web.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Dates in query and form fields: ISO forms only, within {@link DateBounds}, refused in words. */
@Configuration
class RequestDates implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, LocalDate.class, reading(LocalDate::parse, "a date such as 2026-12-01"));
        registry.addConverter(
                String.class, Instant.class, reading(Instant::parse, "a time such as 2026-12-01T09:30:00Z"));
        registry.addConverter(String.class, YearMonth.class, reading(YearMonth::parse, "a month such as 2026-12"));
    }

    private static <T> Converter<String, @Nullable T> reading(Function<String, T> parse, String expected) {
        return text -> {
            if (text.isBlank()) {
                return null;
            }
            T value;
            try {
                value = parse.apply(text.strip());
            } catch (DateTimeParseException e) {
                throw new ValueRefused("must be " + expected + ".");
            }
            DateBounds.problem(value).ifPresent(why -> {
                throw new ValueRefused(why);
            });
            return value;
        };
    }

    /** A query or form value the product will not read, with why in the user's words. */
    static final class ValueRefused extends IllegalArgumentException {

        ValueRefused(String why) {
            super(why);
        }
    }
}
