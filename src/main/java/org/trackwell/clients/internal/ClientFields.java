package org.trackwell.clients.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The rules for what a client's demographics and identifiers may hold. */
final class ClientFields {

    private static final int MAX_TEXT = 200;
    private static final int MAX_ITEMS = 20;

    private ClientFields() {}

    static Map<Demographic, Object> demographics(
            Map<Demographic, Object> given, ClientSettings settings, int thisYear) {
        Map<Demographic, Object> valid = new EnumMap<>(Demographic.class);
        given.forEach((demographic, value) -> {
            if (!settings.demographics().contains(demographic)) {
                throw new ClientDetailsInvalid("This service does not record " + label(demographic) + ".");
            }
            valid.put(demographic, value(demographic, value, thisYear));
        });
        return valid;
    }

    private static Object value(Demographic demographic, Object value, int thisYear) {
        if (demographic == Demographic.YEAR_OF_BIRTH) {
            int year = switch (value) {
                case Integer whole -> whole;
                case Long whole when whole == whole.intValue() -> whole.intValue();
                case String typed -> parseYear(typed);
                default -> throw new ClientDetailsInvalid("The year of birth must be a year, such as 1984.");
            };
            if (year < 1900 || year > thisYear) {
                throw new ClientDetailsInvalid("The year of birth must be between 1900 and " + thisYear + ".");
            }
            return year;
        }
        if (demographic.isList()) {
            if (!(value instanceof List<?> items) || items.size() > MAX_ITEMS) {
                throw new ClientDetailsInvalid(label(demographic) + " must be a list of at most 20 items.");
            }
            return items.stream().map(item -> text(demographic, item)).toList();
        }
        String text = text(demographic, value);
        if (!demographic.choices().isEmpty() && !demographic.choices().contains(text)) {
            throw new ClientDetailsInvalid(text + " is not one of the choices for " + label(demographic) + ".");
        }
        return text;
    }

    static Identifiers identifiers(Identifiers given, ClientSettings settings) {
        for (Identifier identifier : Identifier.values()) {
            String value = given.get(identifier);
            if (value != null && !value.isBlank() && !settings.records(identifier)) {
                throw new ClientDetailsInvalid("This service does not record a client's "
                        + identifier.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".");
            }
            if (value != null && value.length() > MAX_TEXT) {
                throw new ClientDetailsInvalid("Identifying details are at most 200 characters each.");
            }
        }
        String nhs = blankToNull(given.nhsNumber());
        if (nhs != null) {
            nhs = NhsNumber.parse(nhs)
                    .map(NhsNumber::digits)
                    .orElseThrow(() -> new ClientDetailsInvalid(
                            "That is not a valid NHS number: it has 10 digits and the last is a check digit."));
        }
        String dob = blankToNull(given.dateOfBirth());
        if (dob != null) {
            try {
                dob = LocalDate.parse(dob).toString();
            } catch (DateTimeParseException e) {
                throw new ClientDetailsInvalid("Give the date of birth as YYYY-MM-DD.");
            }
        }
        String email = blankToNull(given.email());
        return new Identifiers(
                blankToNull(given.name()),
                dob,
                nhs,
                blankToNull(given.address()),
                email == null ? null : email.toLowerCase(Locale.ROOT),
                blankToNull(given.phone()));
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(Demographic demographic, @Nullable Object value) {
        if (!(value instanceof String typed)) {
            throw new ClientDetailsInvalid(label(demographic) + " must be text.");
        }
        String text = typed.strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new ClientDetailsInvalid(label(demographic) + " must be 1 to 200 characters.");
        }
        return text;
    }

    private static int parseYear(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ClientDetailsInvalid("The year of birth must be a year, such as 1984.");
        }
    }

    static String label(Demographic demographic) {
        return demographic.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
