package org.trackwell.bench;

import java.util.Locale;

/** One measured figure and the baseline measured in the same run. */
record Figure(String name, double value, String unit, String baselineName, double baseline, String baselineUnit) {

    static Figure alone(String name, double value, String unit) {
        return new Figure(name, value, unit, "", Double.NaN, "");
    }

    String line() {
        String measured = String.format(Locale.ROOT, "%-34s %12.2f %-10s", name, value, unit);
        if (Double.isNaN(baseline)) {
            return measured;
        }
        return measured + String.format(Locale.ROOT, "  baseline %-30s %12.2f %-10s  ratio %.2f",
                baselineName, baseline, baselineUnit, value / baseline);
    }
}
