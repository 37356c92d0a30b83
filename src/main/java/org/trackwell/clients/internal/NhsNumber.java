package org.trackwell.clients.internal;

import java.util.Optional;

/** A 10-digit NHS number whose last digit is its modulus 11 check digit. */
public record NhsNumber(String digits) {

    public NhsNumber {
        if (!valid(digits)) {
            throw new IllegalArgumentException("not a valid NHS number");
        }
    }

    /** Reads a number as typed: spaces and dashes between the digits are fine. */
    public static Optional<NhsNumber> parse(String typed) {
        String digits = typed.replaceAll("[\\s-]", "");
        return valid(digits) ? Optional.of(new NhsNumber(digits)) : Optional.empty();
    }

    static boolean valid(String digits) {
        if (!digits.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /** As usually written: {@code 943 476 5919}. */
    @Override
    public String toString() {
        return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }
}
