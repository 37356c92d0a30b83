package org.trackwell.shared;

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
 * A document of headed sections on A4 pages (an erasure certificate, a subject access report, the
 * implementation record): lines wrapped between words to the page's width and carried over to new
 * pages, in the Unicode font PDFBox ships so that names print as written; headings in bold.
 */
public final class SectionedPdf {

    /** A heading and its lines. */
    public record Section(String heading, List<String> lines) {}

    private static final float MARGIN = 50;
    private static final float SIZE = 10;
    private static final float LEADING = 14;

    private final PDDocument document;
    private final PdfText regular;
    private final PdfText bold = PdfText.in(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
    private final float width;
    private PDPageContentStream content;
    private float y;

    private SectionedPdf(PDDocument document) throws IOException {
        this.document = document;
        this.regular = PdfText.embeddedIn(document);
        this.width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        this.content = newPage();
    }

    public static byte[] of(String title, List<Section> sections) {
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle(title);
            SectionedPdf pdf = new SectionedPdf(document);
            pdf.line(pdf.bold, 16, title);
            for (Section section : sections) {
                pdf.y -= 6;
                pdf.line(pdf.bold, SIZE + 1, section.heading());
                for (String text : section.lines()) {
                    for (String wrapped : pdf.wrap(text)) {
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

    private void line(PdfText text, float size, String line) throws IOException {
        if (y < MARGIN) {
            content.close();
            content = newPage();
        }
        content.beginText();
        content.setFont(text.font(), size);
        content.newLineAtOffset(MARGIN, y);
        content.showText(text.printable(line));
        content.endText();
        y -= LEADING;
    }

    /** The text in lines that fit the width, broken between words. */
    private List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : regular.printable(text).split(" +")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && regular.width(longer, SIZE) > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(longer);
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
