package org.trackwell.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Our Argon2id reads and writes the same strings as Spring Security's encoder, which stored every hash so far. */
class Argon2idTest {

    private static final byte[] SECRET = "peppered secret".getBytes(StandardCharsets.US_ASCII);

    private final Argon2id argon2 = new Argon2id(19456, 2, 1, new SecureRandom());
    private final Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);

    @Test
    void acceptsTheHashesSpringSecuritysEncoderStored() {
        String stored = spring.encode("peppered secret");

        assertThat(argon2.matches(SECRET, stored)).isTrue();
        assertThat(argon2.matches("another secret".getBytes(StandardCharsets.US_ASCII), stored))
                .isFalse();
    }

    @Test
    void writesHashesThatSpringSecuritysEncoderAccepts() {
        String stored = argon2.encode(SECRET);

        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(spring.matches("peppered secret", stored)).isTrue();
        assertThat(spring.matches("another secret", stored)).isFalse();
    }

    @Test
    void hashesAlikeWithTheBlocksItKeptFromTheHashBefore() {
        String first = argon2.encode(SECRET);
        String second = argon2.encode("another secret".getBytes(StandardCharsets.US_ASCII));

        assertThat(argon2.matches(SECRET, first)).isTrue();
        assertThat(spring.matches("another secret", second)).isTrue();
        assertThat(argon2.matches(SECRET, spring.encode("peppered secret"))).isTrue();
    }

    @Test
    void refusesStringsThatAreNotArgon2id() {
        assertThat(argon2.matches(SECRET, "")).isFalse();
        assertThat(argon2.matches(SECRET, "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(argon2.matches(SECRET, "$argon2id$v=19$m=x,t=2,p=1$c2FsdA$aGFzaA"))
                .isFalse();
        assertThat(argon2.matches(SECRET, "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"))
                .isFalse();
    }

    @Test
    void findsHashesMadeWithLessWorkThanNowWeaker() {
        Argon2id lighter = new Argon2id(8192, 1, 1, new SecureRandom());

        assertThat(argon2.weakerThanNow(lighter.encode(SECRET))).isTrue();
        assertThat(argon2.weakerThanNow(argon2.encode(SECRET))).isFalse();
    }
}
