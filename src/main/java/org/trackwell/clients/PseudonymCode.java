package org.trackwell.clients;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A client's pseudonym: six characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * then a check character, shown as {@code ABC-DEF7}. The alphabet has 31 characters, a prime, and
 * the check makes the position-weighted sum zero modulo 31, so every single mistyped character and
 * every swap of two neighbouring different characters is caught.
 */
public record PseudonymCode(String value) {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int BODY = 6;

    public PseudonymCode {
        if (value.length() != BODY + 1 || !valid(value)) {
            throw new IllegalArgumentException("not a pseudonym code");
        }
    }

    public static PseudonymCode random(SecureRandom random) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < BODY; i++) {
            body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new PseudonymCode(body.toString() + check(body));
    }

    /** Reads a code as people type it: any case, with or without spaces and dashes. */
    public static Optional<PseudonymCode> parse(String typed) {
        String compact = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-_.]", "");
        return compact.length() == BODY + 1 && valid(compact)
                ? Optional.of(new PseudonymCode(compact))
                : Optional.empty();
    }

    /** The check character that makes {@code body}'s weighted sum, with it, zero modulo 31. */
    static char check(CharSequence body) {
        int n = ALPHABET.length();
        int sum = weightedSum(body);
        int weight = body.length() + 1;
        // weight * c ≡ -sum (mod n); n is prime, so the weight has an inverse.
        int inverse =
                BigInteger.valueOf(weight).modInverse(BigInteger.valueOf(n)).intValue();
        int c = Math.floorMod(-sum * inverse, n);
        return ALPHABET.charAt(c);
    }

    private static boolean valid(String code) {
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return weightedSum(code) % ALPHABET.length() == 0;
    }

    private static int weightedSum(CharSequence chars) {
        int sum = 0;
        for (int i = 0; i < chars.length(); i++) {
            sum += (i + 1) * ALPHABET.indexOf(chars.charAt(i));
        }
        return sum;
    }

    /** As shown to people: {@code ABC-DEF7}. */
    @Override
    public String toString() {
        return value.substring(0, 3) + "-" + value.substring(3);
    }
}
