package org.trackwell.medication.web;

import static org.trackwell.medication.web.PrintedPages.MARGIN;
import static org.trackwell.medication.web.PrintedPages.WIDTH;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.trackwell.medication.internal.DoseRecord;
import org.trackwell.medication.internal.MarChart;
import org.trackwell.medication.internal.MarPrintout;
import org.trackwell.medication.internal.NotGivenReason;

/**
 * The month's MAR as a printed legal record, A4 landscape: the chart with its legend on every
 * page, then every dose recorded (see {@link MarEntries}); each page names the service, the client
 * and the month, when and by whom it was printed, and is numbered "Page x of y".
 */
final class MarPdf {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);
    static final float LINE = 8;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final float FIRST_COLUMN = 190;
    private static final float FOOT = MARGIN + 56;
    private static final String CODES = "Codes: G given; · due, not yet recorded; M missed: no record by the end of"
            + " its window; a number: as-needed doses given that day; * an entry that day was corrected, see the"
            + " doses recorded; blank: nothing due.";

    private MarPdf() {}

    static byte[] render(MarPrintout printout) {
        String title = "MAR for " + printout.client() + ", " + month(printout);
        try (PrintedPages pages = new PrintedPages(title)) {
            chart(pages, printout);
            MarEntries.write(pages, printout);
            return pages.finish(printout.service() + " · " + title + " · printed "
                    + when(printout, printout.printedAt()) + " by " + printout.printedBy());
        }
    }

    /** Starts a page with the record's title; returns the height its content starts at. */
    static float header(PrintedPages pages, MarPrintout printout, String part) {
        float top = pages.newPage();
        pages.heading(13, MARGIN, top - 10, "Medication administration record (MAR)");
        pages.text(
                9,
                MARGIN,
                top - 23,
                printout.service() + " · client " + printout.client() + " · " + month(printout) + " · times are "
                        + printout.zone().getDisplayName(TextStyle.FULL, Locale.UK));
        pages.heading(10, MARGIN, top - 38, part);
        return top - 54;
    }

    static String when(MarPrintout printout, Instant instant) {
        return WHEN.format(instant.atZone(printout.zone()));
    }

    private static void chart(PrintedPages pages, MarPrintout printout) {
        MarChart chart = printout.chart();
        float dayWidth = (WIDTH - FIRST_COLUMN) / chart.days().size();
        Set<String> corrected = corrected(printout);
        int next = 0;
        do {
            float y = header(pages, printout, "Chart");
            pages.heading(7, MARGIN, y, "Medicine, dose and time");
            for (int d = 0; d < chart.days().size(); d++) {
                pages.heading(
                        7,
                        MARGIN + FIRST_COLUMN + d * dayWidth + 2,
                        y,
                        Integer.toString(chart.days().get(d).getDayOfMonth()));
            }
            y -= 4;
            pages.rule(y);
            if (chart.rows().isEmpty()) {
                pages.text(8, MARGIN, y - 12, "No medicine was prescribed this month.");
            }
            boolean first = true;
            while (next < chart.rows().size()) {
                MarChart.Row row = chart.rows().get(next);
                List<String> label = pages.wrap(label(row), 7, FIRST_COLUMN - 6);
                float height = Math.max(15, label.size() * LINE + 7);
                if (!first && y - height < FOOT) {
                    break;
                }
                for (int i = 0; i < label.size(); i++) {
                    pages.text(7, MARGIN, y - 10 - i * LINE, label.get(i));
                }
                for (int d = 0; d < row.cells().size(); d++) {
                    String mark =
                            corrected.contains(key(row, chart.days().get(d).toString())) ? "*" : "";
                    pages.text(
                            8,
                            MARGIN + FIRST_COLUMN + d * dayWidth + 2,
                            y - 10,
                            row.cells().get(d) + mark);
                }
                y -= height;
                pages.rule(y);
                first = false;
                next++;
            }
            legend(pages, chart);
        } while (next < chart.rows().size());
    }

    private static void legend(PrintedPages pages, MarChart chart) {
        String notGiven = Arrays.stream(NotGivenReason.values())
                .map(reason -> reason.code() + " " + reason.words())
                .collect(Collectors.joining("; ", "Not given: ", "."));
        MarChart.Adherence a = chart.adherence();
        String adherence = "This month: due " + a.due() + ", given " + a.given() + ", not given " + a.notGiven()
                + " (refused " + a.refused() + "), missed " + a.missed() + ", as-needed doses " + a.asNeededGiven()
                + (a.percent() == null ? "" : ", adherence " + a.percent() + "%") + ".";
        List<String> lines = new ArrayList<>(pages.wrap(CODES, 7, WIDTH));
        lines.addAll(pages.wrap(notGiven, 7, WIDTH));
        lines.addAll(pages.wrap(adherence, 7, WIDTH));
        for (int i = 0; i < lines.size(); i++) {
            pages.text(7, MARGIN, MARGIN + 2 + (lines.size() - 1 - i) * LINE, lines.get(i));
        }
    }

    private static String label(MarChart.Row row) {
        return row.prescription().medicine().label() + " "
                + row.prescription().dose().toPlainString() + " "
                + row.prescription().unit() + (row.time() == null ? " as needed" : " at " + row.time());
    }

    /** The chart's cells whose dose has a correction among the records, by prescription, day and time. */
    private static Set<String> corrected(MarPrintout printout) {
        return printout.entries().stream()
                .map(MarPrintout.Entry::record)
                .filter(record -> record.corrects() != null)
                .map(record -> key(printout, record))
                .collect(Collectors.toSet());
    }

    private static String key(MarPrintout printout, DoseRecord record) {
        ZonedDateTime at = (record.dueAt() == null ? record.givenAt() : record.dueAt()).atZone(printout.zone());
        return key(
                record.prescriptionId(),
                at.toLocalDate().toString(),
                record.dueAt() == null ? "" : at.toLocalTime().toString());
    }

    private static String key(MarChart.Row row, String day) {
        return key(
                row.prescription().id(),
                day,
                row.time() == null ? "" : row.time().toString());
    }

    private static String key(UUID prescription, String day, String time) {
        return prescription + "|" + day + "|" + time;
    }

    private static String month(MarPrintout printout) {
        return printout.chart().month().format(MONTH);
    }
}
