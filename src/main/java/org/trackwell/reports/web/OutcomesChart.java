package org.trackwell.reports.web;

import java.util.ArrayList;
import java.util.List;
import org.trackwell.reports.internal.OutcomeFigures;

/**
 * The rates as a bar chart drawn on the server: one row per rate, its label in a column of its own
 * to the left, its bar scaled to 100% and its value just after the bar's end, so no two labels can
 * meet. The table under it carries the same figures as the chart's text alternative.
 */
record OutcomesChart(int width, int height, int barStart, int barWidth, List<Bar> bars) {

    static final int WIDTH = 640;
    static final int LABELS = 230;
    static final int BAR_AREA = 340;
    static final int ROW = 36;
    static final int TOP = 16;

    /** One rate: {@code y} is the bar's top; the label's and value's baselines are {@code textY}. */
    record Bar(String label, String value, int y, int textY, int length, int valueX) {}

    static OutcomesChart of(List<OutcomeFigures.Rate> rates) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            OutcomeFigures.Rate rate = rates.get(i);
            Double percent = rate.percent();
            int length = percent == null ? 0 : (int) Math.round(percent / 100 * BAR_AREA);
            int y = TOP + i * ROW;
            bars.add(new Bar(
                    rate.label(),
                    percent == null ? "no episodes" : plain(percent) + "%",
                    y,
                    y + 16,
                    length,
                    LABELS + length + 6));
        }
        return new OutcomesChart(WIDTH, TOP * 2 + rates.size() * ROW, LABELS, BAR_AREA, bars);
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
