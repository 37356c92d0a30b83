package org.trackwell.reports.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trackwell.identity.SignedInUser;
import org.trackwell.reports.ExportFormat;
import org.trackwell.reports.ExportTable;
import org.trackwell.reports.Exports;
import org.trackwell.reports.ReportRefused;
import org.trackwell.reports.internal.MedicationReport;
import org.trackwell.reports.internal.MedicationReport.Grouping;
import org.trackwell.reports.internal.ReportFilter;

/** The medication reports' downloads, the same from a page's form and from the API. */
@Component
class MedicationDownloads {

    static final String ADHERENCE = "adherence";
    static final String MISSED_DOSES = "missed-doses";

    private final MedicationReport report;
    private final Exports exports;

    MedicationDownloads(MedicationReport report, Exports exports) {
        this.report = report;
        this.exports = exports;
    }

    /** The report named ({@code adherence} or {@code missed-doses}), streamed into the response. */
    void download(
            SignedInUser user,
            String name,
            ReportFilter filter,
            Grouping by,
            String format,
            @Nullable String password,
            HttpServletResponse response) {
        ExportFormat chosen =
                ExportFormat.named(format).orElseThrow(() -> new ReportRefused("Choose CSV, XLSX or PDF."));
        boolean adherence = switch (name) {
            case ADHERENCE -> true;
            case MISSED_DOSES -> false;
            default -> throw new ReportRefused("There is no medication report called " + name + ".");
        };
        ExportTable table = adherence ? report.adherenceTable(filter, by) : report.missedTable(filter);
        Exports.Download into = (type, fileName) -> {
            response.setContentType(type.mediaType());
            response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
            response.setHeader("Cache-Control", "no-store");
            return response.getOutputStream();
        };
        exports.export(user, table, chosen, password, into, rows -> {
            if (adherence) {
                report.adherenceLines(user, filter, by, rows::row);
            } else {
                report.missedLines(user, filter, rows::row);
            }
        });
    }
}
