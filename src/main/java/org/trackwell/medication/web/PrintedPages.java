package org.trackwell.medication.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jspecify.annotations.Nullable;
import org.trackwell.shared.PdfText;

/**
 * A4 landscape pages written from the top down, each numbered "Page x of y" when finished. Text
 * is set in Liberation Sans, which PDFBox ships and which is embedded, so names and notes in
 * Latin, Greek or Cyrillic script print as typed; a character it has no glyph for prints as "?"
 * rather than failing the document. Headings, which are only ever our own words, are in
 * Helvetica Bold.
 */
final class PrintedPages implements AutoCloseable {

    static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final float MARGIN = 28;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;

    private final PDDocument document = new PDDocument();
    private final PdfText unicode;
    private final PDFont regular;
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private @Nullable PDPageContentStream content;

    PrintedPages(String title) {
        unicode = PdfText.embeddedIn(document);
        regular = unicode.font();
        document.getDocumentInformation().setTitle(title);
    }

    /** Starts a page; returns the height at its top margin. */
    float newPage() {
        closePage();
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        try {
            content = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PAGE.getHeight() - MARGIN;
    }

    void text(float size, float x, float y, String text) {
        write(regular, size, x, y, unicode.printable(text));
    }

    void heading(float size, float x, float y, String text) {
        write(bold, size, x, y, text);
    }

    /** The text in lines that fit the width, broken between words where it can be. */
    List<String> wrap(String text, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : unicode.printable(text).split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(rest, size) > width) {
                int end = 1;
                while (end < rest.length() && width(rest.substring(0, end + 1), size) <= width) {
                    end++;
                }
                lines.add(rest.substring(0, end));
                rest = rest.substring(end);
            }
            line.append(rest);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    void rule(float y) {
        PDPageContentStream page = page();
        try {
            page.setLineWidth(0.3f);
            page.moveTo(MARGIN, y);
            page.lineTo(PAGE.getWidth() - MARGIN, y);
            page.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts the footer, wrapped should a name in it be long, and "Page x of y" on every page. */
    byte[] finish(String footer) {
        closePage();
        int pages = document.getNumberOfPages();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                String number = "Page " + (i + 1) + " of " + pages;
                content = new PDPageContentStream(
                        document, document.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true);
                float numberWidth = width(number, 7);
                List<String> lines = wrap(footer, 7, WIDTH - numberWidth - 12);
                for (int line = 0; line < lines.size(); line++) {
                    text(7, MARGIN, MARGIN - 12 - line * 8, lines.get(line));
                }
                text(7, PAGE.getWidth() - MARGIN - numberWidth, MARGIN - 12, number);
                closePage();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            closePage();
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float width(String printableText, float size) {
        try {
            return regular.getStringWidth(printableText) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(PDFont font, float size, float x, float y, String text) {
        PDPageContentStream page = page();
        try {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, y);
            page.showText(text);
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDPageContentStream page() {
        if (content == null) {
            throw new IllegalStateException("no page started");
        }
        return content;
    }

    private void closePage() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            content = null;
        }
    }
}
