package org.trackwell.medication.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.trackwell.medication.MarChart;
import org.trackwell.medication.NotGivenReason;

/** The month's MAR chart as a printable PDF: A4 landscape, one row per medicine and time. */
final class MarPdf {

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 28;
    private static final float FIRST_COLUMN = 190;
    private static final float ROW = 15;

    private MarPdf() {}

    static byte[] render(String client, MarChart chart) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            float dayWidth =
                    (PAGE.getWidth() - 2 * MARGIN - FIRST_COLUMN) / chart.days().size();
            int row = 0;
            while (row < chart.rows().size() || row == 0) {
                PDPage page = new PDPage(PAGE);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float y = PAGE.getHeight() - MARGIN;
                    text(
                            content,
                            bold,
                            13,
                            MARGIN,
                            y,
                            "Medication administration record: " + client + ", "
                                    + chart.month().format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK)));
                    y -= 22;
                    text(content, bold, 7, MARGIN, y, "Medicine, dose and time");
                    for (int d = 0; d < chart.days().size(); d++) {
                        text(
                                content,
                                bold,
                                7,
                                MARGIN + FIRST_COLUMN + d * dayWidth + 2,
                                y,
                                Integer.toString(chart.days().get(d).getDayOfMonth()));
                    }
                    y -= 4;
                    line(content, MARGIN, y, PAGE.getWidth() - MARGIN, y);
                    while (row < chart.rows().size() && y > MARGIN + 60) {
                        MarChart.Row r = chart.rows().get(row++);
                        y -= ROW;
                        String label = r.prescription().medicine().label() + " "
                                + r.prescription().dose().toPlainString() + " "
                                + r.prescription().unit() + (r.time() == null ? " as needed" : " at " + r.time());
                        text(content, regular, 7, MARGIN, y + 4, fit(label, 52));
                        for (int d = 0; d < r.cells().size(); d++) {
                            text(
                                    content,
                                    regular,
                                    8,
                                    MARGIN + FIRST_COLUMN + d * dayWidth + 2,
                                    y + 4,
                                    r.cells().get(d));
                        }
                        line(content, MARGIN, y, PAGE.getWidth() - MARGIN, y);
                    }
                    legend(content, regular, chart);
                }
                if (chart.rows().isEmpty()) {
                    break;
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void legend(PDPageContentStream content, PDType1Font font, MarChart chart) throws IOException {
        StringBuilder codes =
                new StringBuilder("G given, M missed, . due and not yet recorded, a number: as-needed doses that day.");
        for (NotGivenReason reason : NotGivenReason.values()) {
            codes.append(' ')
                    .append(reason.code())
                    .append(' ')
                    .append(reason.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(',');
        }
        text(content, font, 7, MARGIN, MARGIN + 24, codes.substring(0, codes.length() - 1) + ".");
        MarChart.Adherence a = chart.adherence();
        text(
                content,
                font,
                7,
                MARGIN,
                MARGIN + 12,
                "Due " + a.due() + ", given " + a.given() + ", not given " + a.notGiven()
                        + " (refused " + a.refused() + "), missed " + a.missed() + ", as-needed doses "
                        + a.asNeededGiven()
                        + (a.percent() == null ? "" : ", adherence " + a.percent() + "%") + ".");
    }

    private static String fit(String text, int characters) {
        return text.length() <= characters ? text : text.substring(0, characters - 1) + "…";
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text.replace("·", ".").replace("…", "..."));
        content.endText();
    }

    private static void line(PDPageContentStream content, float x1, float y1, float x2, float y2) throws IOException {
        content.setLineWidth(0.3f);
        content.moveTo(x1, y1);
        content.lineTo(x2, y2);
        content.stroke();
    }
}
