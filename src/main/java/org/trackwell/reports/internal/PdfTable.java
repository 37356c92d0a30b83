package org.trackwell.reports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.jspecify.annotations.Nullable;
import org.trackwell.reports.ExportTable;
import org.trackwell.shared.PdfText;

/**
 * A4 landscape pages: the title and filters, then the table with its headings repeated on every
 * page, numbered at the foot. Pages are kept in a temporary file, not in memory, until the
 * document is saved. Text is set in Liberation Sans, which PDFBox ships and which is embedded; a
 * character it has no glyph for prints as "?", and a cell too wide for its column is cut short
 * with "...".
 */
final class PdfTable implements TableWriter {

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 28;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float SIZE = 8;
    private static final float LINE = 12;

    private final ExportTable table;
    private final OutputStream out;
    private final PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
    private final PdfText unicode;
    private final PDFont font;
    private final float column;
    private @Nullable PDPageContentStream content;
    private float y;
    private int pages;

    PdfTable(ExportTable table, OutputStream out) throws IOException {
        this.table = table;
        this.out = out;
        unicode = PdfText.embeddedIn(document);
        font = unicode.font();
        document.getDocumentInformation().setTitle(table.title());
        column = WIDTH / Math.max(1, table.columns().size());
        newPage();
        y -= LINE;
        write(14, MARGIN, y, table.title());
        y -= LINE * 1.5f;
        for (Map.Entry<String, String> filter : table.filters().entrySet()) {
            write(9, MARGIN, y, fitted(filter.getKey() + ": " + filter.getValue(), 9, WIDTH));
            y -= LINE;
        }
        y -= LINE / 2;
        headings();
    }

    @Override
    public void row(List<? extends @Nullable Object> cells) throws IOException {
        if (y < MARGIN + LINE * 2) {
            newPage();
            headings();
        }
        cells(cells);
    }

    @Override
    public void close() throws IOException {
        try {
            finishPage();
            document.save(out);
            out.flush();
        } finally {
            document.close();
        }
    }

    private void headings() throws IOException {
        cells(table.columns());
        PDPageContentStream page = page();
        page.setLineWidth(0.3f);
        page.moveTo(MARGIN, y + LINE - 3);
        page.lineTo(MARGIN + WIDTH, y + LINE - 3);
        page.stroke();
    }

    private void cells(List<? extends @Nullable Object> cells) throws IOException {
        y -= LINE;
        for (int i = 0; i < cells.size(); i++) {
            write(SIZE, MARGIN + i * column, y, fitted(Cells.text(cells.get(i)), SIZE, column - 4));
        }
    }

    private void newPage() throws IOException {
        finishPage();
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        pages++;
        y = PAGE.getHeight() - MARGIN;
    }

    private void finishPage() throws IOException {
        if (content != null) {
            write(7, MARGIN, MARGIN - 12, "Page " + pages);
            content.close();
            content = null;
        }
    }

    private void write(float size, float x, float at, String text) throws IOException {
        PDPageContentStream page = page();
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, at);
        page.showText(text);
        page.endText();
    }

    private String fitted(String text, float size, float width) throws IOException {
        String shown = unicode.printable(text);
        if (width(shown, size) <= width) {
            return shown;
        }
        int end = shown.length();
        while (end > 0 && width(shown.substring(0, end) + "...", size) > width) {
            end--;
        }
        return shown.substring(0, end) + "...";
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private PDPageContentStream page() {
        if (content == null) {
            throw new IllegalStateException("no page started");
        }
        return content;
    }
}
