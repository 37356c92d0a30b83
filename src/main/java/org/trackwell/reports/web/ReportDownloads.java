package org.trackwell.reports.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trackwell.identity.SignedInUser;
import org.trackwell.reports.ExportFormat;
import org.trackwell.reports.ExportTable;
import org.trackwell.reports.Exports;
import org.trackwell.reports.ReportRefused;
import org.trackwell.reports.internal.Figure;
import org.trackwell.reports.internal.OutcomesReport;
import org.trackwell.reports.internal.ReportFilter;

/** The outcomes report's downloads, the same from a page's form and from the API. */
@Component
class ReportDownloads {

    private final OutcomesReport report;
    private final Exports exports;

    ReportDownloads(OutcomesReport report, Exports exports) {
        this.report = report;
        this.exports = exports;
    }

    /** The figures, or with a figure the episodes behind it, streamed into the response. */
    void download(
            SignedInUser user,
            ReportFilter filter,
            @Nullable Figure figure,
            String format,
            @Nullable String password,
            HttpServletResponse response) {
        ExportFormat chosen =
                ExportFormat.named(format).orElseThrow(() -> new ReportRefused("Choose CSV, XLSX or PDF."));
        ExportTable table = figure == null ? report.figuresTable(filter) : report.episodesTable(filter, figure);
        Exports.Download into = (type, fileName) -> {
            response.setContentType(type.mediaType());
            response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
            response.setHeader("Cache-Control", "no-store");
            return response.getOutputStream();
        };
        exports.export(user, table, chosen, password, into, rows -> {
            if (figure == null) {
                report.figureLines(user, filter, rows::row);
            } else {
                report.episodeLines(user, filter, figure, rows::row);
            }
        });
    }

    static List<ExportFormat> formats() {
        return List.of(ExportFormat.values());
    }
}
