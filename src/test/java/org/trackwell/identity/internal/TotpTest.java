package org.trackwell.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238 appendix B's SHA-1 seed. */
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void matchesTheRfc6238TestVectors(long epochSecond, String expected) {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(epochSecond)), 8))
                .isEqualTo(expected);
    }

    @Test
    void acceptsOneStepEitherSideAndNothingAlreadyUsed() {
        Instant now = Instant.ofEpochSecond(1_795_000_000L);
        long step = Totp.step(now);
        String previous = Totp.code(RFC_SECRET, step - 1, 6);
        String next = Totp.code(RFC_SECRET, step + 1, 6);
        String tooOld = Totp.code(RFC_SECRET, step - 2, 6);

        assertThat(Totp.matchingStep(RFC_SECRET, previous, now, 0)).hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, next, now, 0)).hasValue(step + 1);
        assertThat(Totp.matchingStep(RFC_SECRET, tooOld, now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, previous, now, step - 1)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "12345", now, 0)).isEmpty();
    }

    @Test
    void base32RoundTripsWithoutPadding() {
        String text = Totp.base32(RFC_SECRET);
        assertThat(text).doesNotContain("=");
        assertThat(Totp.fromBase32(text)).isEqualTo(RFC_SECRET);
    }
}
