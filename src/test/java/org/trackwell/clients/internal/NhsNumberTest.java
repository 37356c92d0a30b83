package org.trackwell.clients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NhsNumberTest {

    @Test
    void acceptsNumbersWithTheirModulus11CheckDigit() {
        assertThat(NhsNumber.parse("943 476 5919")).map(NhsNumber::digits).contains("9434765919");
        assertThat(NhsNumber.parse("401-023-2137")).isPresent();
        assertThat(NhsNumber.parse("9434765919").orElseThrow().toString()).isEqualTo("943 476 5919");
    }

    @Test
    void refusesAWrongCheckDigitAndNumbersWhoseCheckWouldBeTen() {
        assertThat(NhsNumber.parse("943 476 5918")).isEmpty();
        assertThat(NhsNumber.parse("943 476 591")).isEmpty();
        assertThat(NhsNumber.parse("abc 476 5919")).isEmpty();
        // 123456789: the weighted sum is 210, 11 - 210 % 11 = 10, which no NHS number may have.
        assertThat(NhsNumber.parse("1234567890")).isEmpty();
    }
}
