package org.trackwell.setup.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The implementation record as A4 pages, a new page when one is full. Printed in Helvetica, so a
 * character outside its set prints as "?".
 */
final class RecordPdf {

    private static final float MARGIN = 56;
    private static final float SIZE = 10.5f;
    private static final float LEADING = 15;
    private static final int WRAP = 95;

    private final PDDocument document;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream content;
    private float y;

    private RecordPdf(PDDocument document) throws IOException {
        this.document = document;
        this.content = newPage();
    }

    static byte[] of(String title, List<ImplementationRecord.Section> sections) {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle(title);
            RecordPdf pdf = new RecordPdf(document);
            pdf.line(pdf.bold, 18, title);
            for (ImplementationRecord.Section section : sections) {
                pdf.y -= 6;
                pdf.line(pdf.bold, SIZE + 1, section.heading());
                for (String text : section.lines()) {
                    for (String wrapped : wrap(text)) {
                        pdf.line(pdf.regular, SIZE, wrapped);
                    }
                }
            }
            pdf.content.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDPageContentStream newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        y = page.getMediaBox().getHeight() - MARGIN;
        return new PDPageContentStream(document, page);
    }

    private void line(PDType1Font font, float size, String text) throws IOException {
        if (y < MARGIN) {
            content.close();
            content = newPage();
        }
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(MARGIN, y);
        content.showText(printable(text));
        content.endText();
        y -= LEADING;
    }

    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > WRAP) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return out.toString();
    }
}
