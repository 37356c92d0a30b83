package org.trackwell.erasure.internal;

import java.util.List;
import org.trackwell.shared.SectionedPdf;

/**
 * The erasure certificate as A4 pages of our own words: codes, dates and staff names, never
 * anything about the client beyond their pseudonym code.
 */
final class CertificatePdf {

    private CertificatePdf() {}

    /** Headed paragraphs: each entry's first element is its heading, the rest its lines. */
    static byte[] of(String title, List<List<String>> sections) {
        return SectionedPdf.of(
                title,
                sections.stream()
                        .map(section -> new SectionedPdf.Section(section.get(0), section.subList(1, section.size())))
                        .toList());
    }
}
