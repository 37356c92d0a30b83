package org.trackwell.outcomes.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the progress charts are drawn in SVG: the frame, axes, lines, points and labels, and where
 * labels go so that none overlap. What each chart shows is {@link ProgressChart}'s.
 */
final class ChartDrawing {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    static final int LEFT = 44;
    static final int RIGHT = 24;
    static final int TOP = 14;
    static final int BOTTOM = 36;

    /**
     * The room a label needs along the time axis, with a gap: a date ("30 Sep") and a score or
     * reliable-change mark ("27.5"), at the charts' 11-pixel font.
     */
    static final double DATE_WIDTH = 46;

    static final double SCORE_WIDTH = 30;

    /** The least height between two goals' end labels. */
    static final double LINE_HEIGHT = 13;

    private ChartDrawing() {}

    static StringBuilder open(String id, String title, String description) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" class=\"chart\" "
                        + "id=\"%s\" aria-labelledby=\"%s-title %s-desc\" font-family=\"sans-serif\" font-size=\"11\">",
                WIDTH, HEIGHT, id, id, id));
        svg.append("<title id=\"")
                .append(id)
                .append("-title\">")
                .append(escape(title))
                .append("</title>");
        svg.append("<desc id=\"")
                .append(id)
                .append("-desc\">")
                .append(escape(description))
                .append("</desc>");
        return svg;
    }

    static void axis(StringBuilder svg, Scale scale) {
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#57606a\"/>",
                LEFT,
                LEFT,
                TOP,
                HEIGHT - BOTTOM));
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#57606a\"/>",
                LEFT,
                WIDTH - RIGHT,
                HEIGHT - BOTTOM,
                HEIGHT - BOTTOM));
        for (double tick : new double[] {scale.low(), (scale.low() + scale.high()) / 2, scale.high()}) {
            svg.append(text(LEFT - 6, scale.y(tick) + 4, "end", "#57606a", ProgressChart.plain(Math.round(tick))));
        }
    }

    static void series(StringBuilder svg, Scale scale, List<Double> values, String colour, String dash) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", scale.x(i), scale.y(values.get(i))));
        }
        if (values.size() > 1) {
            svg.append(String.format(
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"%s\"/>",
                    line.toString().strip(), colour, dash));
        }
        for (int i = 0; i < values.size(); i++) {
            svg.append(circle(scale.x(i), scale.y(values.get(i)), colour));
        }
    }

    static String rect(double x, double y, double width, double height, String fill) {
        return String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                x,
                y,
                width,
                Math.max(0, height),
                fill);
    }

    static String circle(double x, double y, String colour) {
        return String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>", x, y, colour);
    }

    static String text(double x, double y, String anchor, String colour, String content) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\">%s</text>",
                x,
                y,
                anchor,
                colour,
                escape(content));
    }

    /**
     * Which of {@code count} evenly spaced sessions get a label {@code width} wide: every one when
     * they fit, else every second, third..., always from the first, so that no two labels overlap
     * and the same sessions always get one.
     */
    static List<Integer> labelled(int count, double width) {
        int step = count <= 1 ? 1 : Math.max(1, (int) Math.ceil(width / (x(1, count) - x(0, count))));
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < count; i += step) {
            shown.add(i);
        }
        return shown;
    }

    /** Where the {@code index}th of {@code count} sessions stands along the time axis. */
    static double x(int index, int count) {
        return new Scale(0, 1, count).x(index);
    }

    /**
     * The heights {@code ys} moved apart, as little as may be and keeping their order, so that no
     * two are closer than {@code gap}: labels at the ends of lines that end close together.
     */
    static List<Double> spread(List<Double> ys, double gap) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ys.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(ys.get(a), ys.get(b)) != 0 ? Double.compare(ys.get(a), ys.get(b)) : a - b);
        double[] moved = new double[ys.size()];
        double previous = Double.NEGATIVE_INFINITY;
        for (int i : order) {
            moved[i] = Math.max(ys.get(i), previous + gap);
            previous = moved[i];
        }
        List<Double> result = new ArrayList<>();
        for (double y : moved) {
            result.add(y);
        }
        return result;
    }

    record Scale(double low, double high, int count) {

        double x(int index) {
            double span = WIDTH - LEFT - RIGHT - 60;
            return count <= 1 ? LEFT + 30 + span / 2 : LEFT + 30 + span * index / (count - 1);
        }

        double y(double value) {
            double span = HEIGHT - TOP - BOTTOM;
            return TOP + span * (high - value) / (high - low);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
