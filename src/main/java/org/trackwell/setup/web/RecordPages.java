package org.trackwell.setup.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.trackwell.shared.SectionedPdf;

/** The implementation record: a page, and the same as a PDF for the service's files. */
@Controller
class RecordPages {

    private static final String TITLE = "Implementation record";

    private final ImplementationRecord record;

    RecordPages(ImplementationRecord record) {
        this.record = record;
    }

    @GetMapping("/admin/settings/implementation-record")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String page(Model model) {
        model.addAttribute("sections", record.sections());
        return "setup/record";
    }

    @GetMapping("/admin/settings/implementation-record/pdf")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    ResponseEntity<byte[]> pdf() {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("implementation-record.pdf")
                                .build()
                                .toString())
                .body(SectionedPdf.of(
                        TITLE,
                        record.sections().stream()
                                .map(section -> new SectionedPdf.Section(section.heading(), section.lines()))
                                .toList()));
    }
}
