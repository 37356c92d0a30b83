package org.trackwell.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text in a printed document as people wrote it: the Unicode font PDFBox ships (Liberation Sans),
 * embedded in the document, and text made printable in it, so that "Zoë" stays "Zoë".
 */
public final class PdfText {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final PDFont font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();

    private PdfText(PDFont font) {
        this.font = font;
    }

    /** Text printable in one of PDF's standard fonts (Helvetica Bold for headings, say). */
    public static PdfText in(PDFont font) {
        return new PdfText(font);
    }

    /** The font, embedded (only the glyphs used) in this document. */
    public static PdfText embeddedIn(PDDocument document) {
        try (InputStream file = PDDocument.class.getResourceAsStream(FONT)) {
            if (file == null) {
                throw new IllegalStateException("PDFBox no longer ships " + FONT);
            }
            return new PdfText(PDType0Font.load(document, file, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PDFont font() {
        return font;
    }

    /** How wide the text is, in points, at this size. */
    public float width(String printable, float size) {
        try {
            return font.getStringWidth(printable) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Line breaks and tabs as spaces, and what the font cannot show as "?". */
    public String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                shown.append(' ');
            } else {
                shown.appendCodePoint(glyphs.computeIfAbsent(c, this::hasGlyph) ? c : '?');
            }
        });
        return shown.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
