package org.trackwell.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class SectionedPdfTest {

    @Test
    void namesPrintAsWrittenAndLongTextRunsOntoMorePages() throws IOException {
        List<String> many = Collections.nCopies(
                120,
                "Seen by Zoë Brontë at Łódź House; paid £5 — a line long enough to be wrapped between its words at the page's edge.");

        byte[] pdf = SectionedPdf.of("Record of Zoë", List.of(new SectionedPdf.Section("Visits", many)));

        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Record of Zo", "Zoë Brontë", "Łódź", "£5")
                    .doesNotContain("Zo?");
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
        }
    }
}
