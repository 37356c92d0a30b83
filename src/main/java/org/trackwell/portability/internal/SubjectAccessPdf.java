package org.trackwell.portability.internal;

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
 * The subject access report as A4 pages: headed sections of lines, wrapped at spaces and carried
 * over to new pages. Printed in Helvetica, so a character outside its set prints as "?"; the JSON
 * beside it in the archive holds every value exactly.
 */
final class SubjectAccessPdf {

    private static final float MARGIN = 50;
    private static final float SIZE = 9.5f;
    private static final float LEADING = 13;
    private static final int WRAP = 105;

    /** A heading and its lines. */
    record Section(String heading, List<String> lines) {}

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream content;
    private float y;

    private SubjectAccessPdf() throws IOException {
        content = newPage();
    }

    static byte[] of(String title, List<Section> sections) {
        try {
            SubjectAccessPdf pdf = new SubjectAccessPdf();
            pdf.document.getDocumentInformation().setTitle(title);
            return pdf.written(title, sections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] written(String title, List<Section> sections) throws IOException {
        try (document) {
            line(bold, 16, title);
            y -= 6;
            for (Section section : sections) {
                y -= 6;
                line(bold, SIZE + 1.5f, section.heading());
                for (String text : section.lines()) {
                    for (String wrapped : wrap(text)) {
                        line(regular, SIZE, wrapped);
                    }
                }
            }
            content.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
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
