package org.trackwell.medication.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.trackwell.medication.internal.DoseRecord;
import org.trackwell.medication.internal.DoseSchedule;
import org.trackwell.medication.internal.MarChart;
import org.trackwell.medication.internal.MarPrintout;
import org.trackwell.medication.internal.Medicine;
import org.trackwell.medication.internal.NotGivenReason;
import org.trackwell.medication.internal.Prescription;
import org.trackwell.shared.UserId;

class MarPdfTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    @Test
    void numbersEveryPageOfALongChart() throws IOException {
        List<MarChart.Row> rows = IntStream.range(0, 60)
                .mapToObj(i -> new MarChart.Row(prescription("Medicine " + i), LocalTime.of(8, 0), cells("G")))
                .toList();

        List<String> pages = pages(printout(rows, List.of()));

        assertThat(pages.size())
                .as("a chart of 60 rows, then the doses recorded")
                .isGreaterThan(2);
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i))
                    .contains("Page " + (i + 1) + " of " + pages.size())
                    .contains("Willow House", "ABC-DEF7", "December 2026", "printed 1 Dec 2026 08:05 by Mo Manager");
        }
        assertThat(pages.get(0)).contains("Medicine 0", "R refused", "self-administered", "M missed");
        assertThat(pages.getLast()).contains("No doses were recorded this month.");
    }

    @Test
    void printsNamesAndNotesAsTypedAndWhatTheFontCannotShowAsAQuestionMark() throws IOException {
        Prescription paracetamol = prescription("Paracetamol");
        DoseRecord given = record(paracetamol, NotGivenReason.OTHER, "Spat it out;\nwill try\tagain 🙂", null);

        String text = String.join(
                "",
                pages(printout(
                        List.of(new MarChart.Row(paracetamol, LocalTime.of(8, 0), cells("O"))),
                        List.of(new MarPrintout.Entry(paracetamol, given, "Łucja Wójcik", "Σοφία Παππά")))));

        assertThat(text).contains("Łucja Wójcik", "Σοφία Παππά", "Spat it out; will try again ?", "O other reason");
    }

    @Test
    void keepsACorrectedEntryBesideItsCorrectionWithWhoAndWhy() throws IOException {
        Prescription paracetamol = prescription("Paracetamol");
        DoseRecord original = record(paracetamol, null, null, null);
        DoseRecord correction = new DoseRecord(
                UUID.randomUUID(),
                paracetamol.id(),
                original.dueAt(),
                DoseRecord.Outcome.NOT_GIVEN,
                NotGivenReason.REFUSED,
                null,
                original.givenAt(),
                null,
                new UserId(UUID.randomUUID()),
                null,
                null,
                original.id(),
                "Recorded on the wrong chart",
                Instant.parse("2026-12-01T09:10:00Z"));

        String text = String.join(
                "",
                pages(printout(
                        List.of(new MarChart.Row(paracetamol, LocalTime.of(8, 0), cells("R"))),
                        List.of(
                                new MarPrintout.Entry(paracetamol, original, "Cas Carer", "Wyn Witness"),
                                new MarPrintout.Entry(paracetamol, correction, "Mo Manager", null)))));

        assertThat(text.replaceAll("\\s+", " "))
                .contains("R*", "* an entry that day was corrected")
                .contains("Corrected 1 Dec 2026 09:10 by Mo Manager")
                .contains("Correction made 1 Dec 2026 09:10 of the entry recorded 1 Dec 2026 08:05 by Cas Carer")
                .contains("Why: Recorded on the wrong chart")
                .contains("Wyn Witness", "2 tablets");
    }

    private static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    private static byte[] printout(List<MarChart.Row> rows, List<MarPrintout.Entry> entries) {
        MarChart chart = new MarChart(
                DECEMBER,
                DECEMBER.atDay(1).datesUntil(DECEMBER.plusMonths(1).atDay(1)).toList(),
                rows,
                new MarChart.Adherence(1, 1, 0, 0, 0, 0, 100.0));
        return MarPdf.render(new MarPrintout(
                "Willow House",
                "ABC-DEF7",
                chart,
                entries,
                LONDON,
                Instant.parse("2026-12-01T08:05:00Z"),
                "Mo Manager"));
    }

    private static List<String> cells(String first) {
        List<String> cells = new ArrayList<>(Collections.nCopies(31, ""));
        cells.set(0, first);
        return cells;
    }

    private static DoseRecord record(
            Prescription prescription, NotGivenReason reason, String note, String overrideReason) {
        return new DoseRecord(
                UUID.randomUUID(),
                prescription.id(),
                Instant.parse("2026-12-01T08:00:00Z"),
                reason == null ? DoseRecord.Outcome.GIVEN : DoseRecord.Outcome.NOT_GIVEN,
                reason,
                reason == null ? new BigDecimal("2") : null,
                Instant.parse("2026-12-01T08:05:00Z"),
                note,
                new UserId(UUID.randomUUID()),
                null,
                overrideReason,
                null,
                null,
                Instant.parse("2026-12-01T08:05:00Z"));
    }

    private static Prescription prescription(String name) {
        return new Prescription(
                UUID.randomUUID(),
                UUID.randomUUID(),
                new Medicine(UUID.randomUUID(), name, "tablet", "500 mg", "oral", false, null, null),
                new BigDecimal("2"),
                "tablets",
                "oral",
                null,
                LocalDate.of(2026, 11, 1),
                null,
                "Dr A Example",
                Prescription.Kind.REGULAR,
                new DoseSchedule(
                        DoseSchedule.Kind.TIMES_OF_DAY, List.of(LocalTime.of(8, 0)), Set.of(), null, List.of()),
                null,
                false,
                null,
                null,
                Instant.parse("2026-11-01T07:00:00Z"),
                null,
                null);
    }
}
