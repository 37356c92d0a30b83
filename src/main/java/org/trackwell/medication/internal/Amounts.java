package org.trackwell.medication.internal;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Doses and stock are counted in the unit prescribed, to at most three decimal places (0.125 mg,
 * 2.5 ml), and never in absurd numbers: 1e308 tablets is a typing error, not a dose.
 */
final class Amounts {

    static final BigDecimal MOST = new BigDecimal("100000");
    private static final int DECIMALS = 3;

    private Amounts() {}

    /** Why this is not a usable amount (above zero unless {@code zeroAllowed}), or nothing. */
    static Optional<String> problem(@Nullable BigDecimal amount, String what, boolean zeroAllowed) {
        if (amount == null) {
            return Optional.of(what + " is needed.");
        }
        if (amount.signum() < 0 || (!zeroAllowed && amount.signum() == 0)) {
            return Optional.of(what + " must be above zero.");
        }
        if (amount.compareTo(MOST) > 0) {
            return Optional.of(what + " must be at most " + MOST.toPlainString() + ".");
        }
        if (amount.stripTrailingZeros().scale() > DECIMALS) {
            return Optional.of(what + " can have at most " + DECIMALS + " decimal places.");
        }
        return Optional.empty();
    }

    static BigDecimal require(@Nullable BigDecimal amount, String what) {
        problem(amount, what, false).ifPresent(why -> {
            throw MedicationRefused.invalid(why);
        });
        return Objects.requireNonNull(amount, "a missing amount is refused above");
    }
}
