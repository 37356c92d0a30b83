package org.trackwell.clients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A client's identifying details and demographics as a form or the API might send them: dates of
 * birth, NHS numbers and years of birth in any shape, values of any kind. Each is kept or refused
 * with a reason, never anything else.
 */
class ClientFieldsPropertiesTest {

    private static final ClientSettings RECORDING_EVERYTHING =
            new ClientSettings(EnumSet.allOf(Identifier.class), EnumSet.allOf(Demographic.class), null);

    @Property(tries = 2000)
    void identifyingDetailsAreKeptInTheirOwnFormOrRefused(
            @ForAll("dates") String dateOfBirth, @ForAll("nhsNumbers") String nhsNumber, @ForAll String other) {
        Identifiers given = new Identifiers(other, dateOfBirth, nhsNumber, other, other, other);
        try {
            Identifiers kept = ClientFields.identifiers(given, RECORDING_EVERYTHING);
            if (kept.dateOfBirth() != null) {
                assertThat(LocalDate.parse(kept.dateOfBirth()).toString()).isEqualTo(kept.dateOfBirth());
            }
            if (kept.nhsNumber() != null) {
                assertThat(NhsNumber.parse(kept.nhsNumber())).isPresent();
            }
        } catch (ClientDetailsInvalid refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 2000)
    void demographicsAreKeptWithinTheirRulesOrRefused(@ForAll Demographic demographic, @ForAll("values") Object value) {
        Map<Demographic, Object> given = new HashMap<>();
        given.put(demographic, value);
        try {
            Map<Demographic, Object> kept = ClientFields.demographics(given, ClientSettings.defaults(), 2026);
            if (demographic == Demographic.YEAR_OF_BIRTH) {
                assertThat((Integer) kept.get(demographic)).isBetween(1900, 2026);
            }
        } catch (ClientDetailsInvalid refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> dates() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789-+T: ").ofMaxLength(14),
                Arbitraries.integers()
                        .between(-1_000_000, 1_000_000)
                        .map(day -> LocalDate.ofEpochDay(day).toString()),
                Arbitraries.of(
                        "",
                        " ",
                        "2024-02-30",
                        "+999999999-12-31",
                        "-999999999-01-01",
                        "+1000000000-01-01",
                        "31/12/1990",
                        "1990-1-1"),
                Arbitraries.strings().ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> nhsNumbers() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789 -").ofMaxLength(14),
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("943 476 5919", "9434765919", "１２３"));
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(210).map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.of(
                        BigInteger.TWO.pow(70),
                        new BigDecimal("1984.5"),
                        Double.NaN,
                        Double.POSITIVE_INFINITY,
                        "1984",
                        " 1990 ",
                        "nineteen",
                        List.of(),
                        List.of("A"),
                        Map.of("a", 1),
                        Set.of(1)),
                Arbitraries.strings().ofMaxLength(30).list().ofMaxSize(25).map(Object.class::cast));
    }
}
