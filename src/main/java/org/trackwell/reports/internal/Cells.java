package org.trackwell.reports.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How a cell reads as text: dates in UK style, numbers without trailing zeros. */
final class Cells {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private Cells() {}

    static String text(@Nullable Object cell) {
        return switch (cell) {
            case null -> "";
            case LocalDate day -> DAY.format(day);
            case Double number -> plain(BigDecimal.valueOf(number));
            case Float number -> plain(BigDecimal.valueOf(number));
            case BigDecimal number -> plain(number);
            default -> cell.toString();
        };
    }

    /**
     * Text a spreadsheet would otherwise read as a formula (a cell starting with = + - @, a tab or
     * a carriage return) gets a leading single quote. Only text is defused: numbers are ours.
     */
    static String defused(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }

    private static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }
}
