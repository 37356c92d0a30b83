package org.trackwell.outcomes.internal;

import static org.trackwell.outcomes.internal.ChartDrawing.BOTTOM;
import static org.trackwell.outcomes.internal.ChartDrawing.DATE_WIDTH;
import static org.trackwell.outcomes.internal.ChartDrawing.HEIGHT;
import static org.trackwell.outcomes.internal.ChartDrawing.LEFT;
import static org.trackwell.outcomes.internal.ChartDrawing.LINE_HEIGHT;
import static org.trackwell.outcomes.internal.ChartDrawing.RIGHT;
import static org.trackwell.outcomes.internal.ChartDrawing.SCORE_WIDTH;
import static org.trackwell.outcomes.internal.ChartDrawing.WIDTH;
import static org.trackwell.outcomes.internal.ChartDrawing.axis;
import static org.trackwell.outcomes.internal.ChartDrawing.circle;
import static org.trackwell.outcomes.internal.ChartDrawing.labelled;
import static org.trackwell.outcomes.internal.ChartDrawing.open;
import static org.trackwell.outcomes.internal.ChartDrawing.rect;
import static org.trackwell.outcomes.internal.ChartDrawing.series;
import static org.trackwell.outcomes.internal.ChartDrawing.spread;
import static org.trackwell.outcomes.internal.ChartDrawing.text;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trackwell.outcomes.internal.ChartDrawing.Scale;
import org.trackwell.outcomes.internal.MeasureProgress.Point;

/**
 * Progress drawn as SVG on the server, so the same chart serves pages, client links and reports.
 * Each chart carries a title and a description that says what it shows in words; pages put the
 * same data beside it as a table. Colours only repeat what labels already say. This class says
 * what each chart shows; {@link ChartDrawing} draws it.
 */
public final class ProgressChart {

    private static final String[] BAND_FILLS = {"#eef6ee", "#f6f6e8", "#fbf1e4", "#fbe9e7", "#f6e0e6", "#efe3f2"};
    private static final String[] DASHES = {"", "6 3", "2 3", "8 3 2 3", "1 2"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    private ProgressChart() {}

    /** One measure's scores by session, with its bands, cut-off and reliable-change marks. */
    public static String of(MeasureProgress progress, ZoneId zone) {
        Measure measure = progress.measure();
        Scale scale = new Scale(
                measure.lowestTotal(), measure.highestTotal(), progress.points().size());
        String id = "chart-" + measure.id().toLowerCase(Locale.ROOT);
        StringBuilder svg = open(id, measure.title() + ": scores by session", describe(progress, zone));
        List<Measure.Band> bands = measure.bands();
        for (int i = 0; i < bands.size(); i++) {
            double from = bands.get(i).from();
            double to = i + 1 < bands.size() ? bands.get(i + 1).from() : measure.highestTotal();
            svg.append(rect(
                    LEFT,
                    scale.y(to),
                    WIDTH - LEFT - RIGHT,
                    scale.y(from) - scale.y(to),
                    BAND_FILLS[i % BAND_FILLS.length]));
            svg.append(text(
                    WIDTH - RIGHT - 4,
                    scale.y(from) - 3,
                    "end",
                    "#57606a",
                    bands.get(i).label()));
        }
        axis(svg, scale);
        if (measure.caseness() != null) {
            double line = measure.caseness().line();
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#cf222e\" stroke-dasharray=\"5 4\"/>",
                    LEFT,
                    WIDTH - RIGHT,
                    scale.y(line),
                    scale.y(line)));
            svg.append(text(LEFT + 4, scale.y(line) - 4, "start", "#cf222e", "cut-off " + plain(line)));
        }
        List<Point> points = progress.points();
        series(svg, scale, points.stream().map(Point::total).toList(), "#0969da", "");
        for (int i : labelled(points.size(), DATE_WIDTH)) {
            svg.append(text(
                    scale.x(i),
                    HEIGHT - BOTTOM + 16,
                    "middle",
                    "#57606a",
                    DAY.format(day(points.get(i).at(), zone))));
        }
        for (int i : labelled(points.size(), SCORE_WIDTH)) {
            Point point = points.get(i);
            svg.append(text(scale.x(i), scale.y(point.total()) - 8, "middle", "#1f2328", plain(point.total())));
            String mark = i == 0 ? "" : reliableMark(measure, points.getFirst().total(), point.total());
            if (!mark.isEmpty()) {
                svg.append(text(scale.x(i), scale.y(point.total()) + 18, "middle", "#1f2328", mark));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Goal progress and problem severity (0 to 10) by session, one line each. */
    public static String ofGoals(List<Goal> goals, ZoneId zone) {
        List<Instant> sessions = goals.stream()
                .flatMap(g -> g.ratings().stream().map(Goal.Rating::sessionAt))
                .distinct()
                .sorted()
                .toList();
        Scale scale = new Scale(0, 10, sessions.size());
        StringBuilder svg = open(
                "chart-goals",
                "Goals and problems: ratings by session",
                goals.size() + " goals and problems rated from 0 to 10 at " + sessions.size()
                        + " sessions. Goals rise as they are reached; problems fall as they trouble the client less.");
        axis(svg, scale);
        for (int i : labelled(sessions.size(), DATE_WIDTH)) {
            svg.append(text(
                    scale.x(i), HEIGHT - BOTTOM + 16, "middle", "#57606a", DAY.format(day(sessions.get(i), zone))));
        }
        List<String> names = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        List<Double> ends = new ArrayList<>();
        List<Double> endX = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Goal> labelled : labels(goals).entrySet()) {
            Goal goal = labelled.getValue();
            List<Double> values = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            for (Goal.Rating rating : goal.ratings()) {
                at.add(sessions.indexOf(rating.sessionAt()));
                values.add((double) rating.rating());
            }
            if (values.isEmpty()) {
                continue;
            }
            String colour = goal.kind() == Goal.Kind.GOAL ? "#1a7f37" : "#9a6700";
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", scale.x(at.get(i)), scale.y(values.get(i))));
                svg.append(circle(scale.x(at.get(i)), scale.y(values.get(i)), colour));
            }
            svg.append(String.format(
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"%s\"/>",
                    line.toString().strip(), colour, DASHES[n++ % DASHES.length]));
            names.add(labelled.getKey());
            colours.add(colour);
            ends.add(scale.y(values.getLast()) + 4);
            endX.add(scale.x(at.getLast()) + 10);
        }
        List<Double> spread = spread(ends, LINE_HEIGHT);
        for (int i = 0; i < names.size(); i++) {
            svg.append(text(endX.get(i), spread.get(i), "start", colours.get(i), names.get(i)));
        }
        return svg.append("</svg>").toString();
    }

    /** Short labels for the chart: G1, G2 for goals, P1, P2 for problems, in order. */
    public static Map<String, Goal> labels(List<Goal> goals) {
        Map<String, Goal> labels = new LinkedHashMap<>();
        int goal = 0;
        int problem = 0;
        for (Goal g : goals) {
            labels.put(g.kind() == Goal.Kind.GOAL ? "G" + ++goal : "P" + ++problem, g);
        }
        return labels;
    }

    /** "RI" where the score has improved reliably from the first, "RD" where it deteriorated. */
    public static String reliableMark(Measure measure, double first, double score) {
        Change change = Change.between(measure, first, score);
        return change.reliableImprovement() ? "RI" : change.reliableDeterioration() ? "RD" : "";
    }

    /** The same in words, for the table beside the chart. */
    public static String reliableChangeText(Measure measure, double first, double score) {
        return switch (reliableMark(measure, first, score)) {
            case "RI" -> "reliable improvement";
            case "RD" -> "reliable deterioration";
            default -> "none";
        };
    }

    private static String describe(MeasureProgress progress, ZoneId zone) {
        Measure measure = progress.measure();
        List<Point> points = progress.points();
        StringBuilder text = new StringBuilder(points.size() + (points.size() == 1 ? " score" : " scores"));
        if (!points.isEmpty()) {
            Point first = points.getFirst();
            Point last = points.getLast();
            text.append(" from ")
                    .append(DAY.format(day(first.at(), zone)))
                    .append(" to ")
                    .append(DAY.format(day(last.at(), zone)));
            text.append(": first ").append(plain(first.total())).append(band(first));
            text.append(", latest ")
                    .append(plain(last.total()))
                    .append(band(last))
                    .append(".");
        }
        if (measure.caseness() != null) {
            text.append(" Clinical cut-off ")
                    .append(plain(measure.caseness().line()))
                    .append(".");
        }
        Change change = progress.change();
        if (change != null) {
            text.append(
                    change.reliableImprovement()
                            ? " Reliable improvement."
                            : change.reliableDeterioration() ? " Reliable deterioration." : " No reliable change.");
            if (change.recovery()) {
                text.append(" Recovered.");
            }
        }
        text.append(measure.higherIsWorse() ? " Lower is better." : " Higher is better.");
        return text.toString();
    }

    private static String band(Point point) {
        return point.band() == null ? "" : " (" + point.band() + ")";
    }

    private static java.time.LocalDate day(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }

    public static String plain(double value) {
        return MeasureRules.plain(Math.round(value * 100) / 100.0);
    }
}
