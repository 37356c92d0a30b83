package org.trackwell.medication.web;

import static org.trackwell.medication.web.MarPdf.LINE;
import static org.trackwell.medication.web.PrintedPages.MARGIN;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.trackwell.medication.internal.DoseRecord;
import org.trackwell.medication.internal.MarPrintout;
import org.trackwell.medication.internal.MarPrintout.Entry;

/**
 * The printed MAR's list of every dose recorded in the month: when it was due, what was recorded
 * and when, by whom, the witness, and in words any note, override or correction. A corrected
 * entry stays, marked with who corrected it and when; its correction says why.
 */
final class MarEntries {

    private record Column(String heading, float width) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("Due", 70),
            new Column("Medicine", 104),
            new Column("Entry", 76),
            new Column("Amount", 44),
            new Column("Given or recorded", 74),
            new Column("By", 78),
            new Column("Witness", 78),
            new Column("Notes, overrides and corrections", 262));

    /** A late entry is one made this long after the time it gives. */
    private static final Duration LATE = Duration.ofMinutes(5);

    private final PrintedPages pages;
    private final MarPrintout printout;
    private final Map<UUID, Entry> byId = new HashMap<>();
    private final Map<UUID, Entry> correctionOf = new HashMap<>();

    private MarEntries(PrintedPages pages, MarPrintout printout) {
        this.pages = pages;
        this.printout = printout;
        for (Entry entry : printout.entries()) {
            byId.put(entry.record().id(), entry);
            if (entry.record().corrects() != null) {
                correctionOf.put(entry.record().corrects(), entry);
            }
        }
    }

    static void write(PrintedPages pages, MarPrintout printout) {
        new MarEntries(pages, printout).write();
    }

    private void write() {
        float y = newPage();
        if (printout.entries().isEmpty()) {
            pages.text(8, MARGIN, y - 12, "No doses were recorded this month.");
        }
        for (Entry entry : printout.entries()) {
            List<List<String>> paragraphs = cells(entry);
            List<List<String>> cells = new ArrayList<>();
            for (int c = 0; c < COLUMNS.size(); c++) {
                List<String> lines = new ArrayList<>();
                for (String paragraph : paragraphs.get(c)) {
                    lines.addAll(pages.wrap(paragraph, 7, COLUMNS.get(c).width() - 4));
                }
                cells.add(lines);
            }
            float height = cells.stream().mapToInt(List::size).max().orElse(1) * LINE + 5;
            if (y - height < MARGIN) {
                y = newPage();
            }
            float x = MARGIN;
            for (int c = 0; c < COLUMNS.size(); c++) {
                List<String> lines = cells.get(c);
                for (int i = 0; i < lines.size(); i++) {
                    pages.text(7, x, y - 9 - i * LINE, lines.get(i));
                }
                x += COLUMNS.get(c).width();
            }
            y -= height;
            pages.rule(y);
        }
    }

    private float newPage() {
        float y = MarPdf.header(pages, printout, "Doses recorded, with corrections and overrides");
        float x = MARGIN;
        for (Column column : COLUMNS) {
            pages.heading(7, x, y, column.heading());
            x += column.width();
        }
        pages.rule(y - 4);
        return y - 4;
    }

    /** What the entry shows in each column, as paragraphs. */
    private List<List<String>> cells(Entry entry) {
        DoseRecord record = entry.record();
        return List.of(
                List.of(record.dueAt() == null ? "as needed" : when(record.dueAt())),
                List.of(entry.prescription().medicine().label()),
                List.of(record.code() + " " + outcome(record)),
                List.of(
                        record.amount() == null
                                ? ""
                                : record.amount().toPlainString() + " "
                                        + entry.prescription().unit()),
                List.of(when(record.givenAt())),
                List.of(entry.recordedBy()),
                List.of(Objects.requireNonNullElse(entry.witness(), "")),
                notes(entry));
    }

    private static String outcome(DoseRecord record) {
        if (record.outcome() == DoseRecord.Outcome.GIVEN) {
            return "given";
        }
        return record.reason() == null ? "not given" : record.reason().words();
    }

    private List<String> notes(Entry entry) {
        DoseRecord record = entry.record();
        List<String> notes = new ArrayList<>();
        if (record.corrects() != null) {
            Entry original = byId.get(record.corrects());
            notes.add("Correction made " + when(record.recordedAt()) + " of "
                    + (original == null
                            ? "an earlier entry"
                            : "the entry recorded " + when(original.record().recordedAt()) + " by "
                                    + original.recordedBy())
                    + ". Why: " + Objects.requireNonNullElse(record.correctionReason(), ""));
        } else if (Duration.between(record.givenAt(), record.recordedAt()).compareTo(LATE) > 0) {
            notes.add("Entered " + when(record.recordedAt()) + ".");
        }
        Entry correction = correctionOf.get(record.id());
        if (correction != null) {
            notes.add("Corrected " + when(correction.record().recordedAt()) + " by " + correction.recordedBy()
                    + ": this entry no longer stands.");
        }
        if (record.overrideReason() != null) {
            notes.add("Given beyond the as-needed limits. Why: " + record.overrideReason());
        }
        if (record.note() != null) {
            notes.add("Note: " + record.note());
        }
        return notes;
    }

    private String when(Instant instant) {
        return MarPdf.when(printout, instant);
    }
}
