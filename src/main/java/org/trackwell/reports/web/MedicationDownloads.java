package org.trackwell.reports.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trackwell.identity.SignedInUser;
import org.trackwell.reports.ExportFormat;
import org.trackwell.reports.ExportTable;
import org.trackwell.reports.Exports;
import org.trackwell.reports.ReportRefused;
import org.trackwell.reports.internal.AsNeededReport;
import org.trackwell.reports.internal.MedicationReport;
import org.trackwell.reports.internal.MedicationReport.Grouping;
import org.trackwell.reports.internal.ReportFilter;
import org.trackwell.reports.internal.StockReport;

/** The medication reports' downloads, the same from a page's form and from the API. */
@Component
class MedicationDownloads {

    static final String ADHERENCE = "adherence";
    static final String MISSED_DOSES = "missed-doses";
    static final String AS_NEEDED = "as-needed";
    static final String PRN_OVERRIDES = "prn-overrides";
    static final String CONTROLLED_DRUGS = "controlled-drugs";
    static final String STOCK_DISCREPANCIES = "stock-discrepancies";

    private final MedicationReport report;
    private final AsNeededReport asNeeded;
    private final StockReport stock;
    private final Exports exports;

    MedicationDownloads(MedicationReport report, AsNeededReport asNeeded, StockReport stock, Exports exports) {
        this.report = report;
        this.asNeeded = asNeeded;
        this.stock = stock;
        this.exports = exports;
    }

    /**
     * The report named ({@code adherence}, {@code missed-doses}, {@code as-needed}, {@code
     * prn-overrides}, {@code controlled-drugs}, {@code stock-discrepancies}), streamed into the response.
     */
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
        ExportTable table = switch (name) {
            case ADHERENCE -> report.adherenceTable(filter, by);
            case MISSED_DOSES -> report.missedTable(filter);
            case AS_NEEDED -> asNeeded.useTable(filter);
            case PRN_OVERRIDES -> asNeeded.overridesTable(filter);
            case CONTROLLED_DRUGS -> stock.registerTable(filter);
            case STOCK_DISCREPANCIES -> stock.discrepanciesTable(filter);
            default -> throw new ReportRefused("There is no medication report called " + name + ".");
        };
        Exports.Download into = (type, fileName) -> {
            response.setContentType(type.mediaType());
            response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
            response.setHeader("Cache-Control", "no-store");
            return response.getOutputStream();
        };
        exports.export(user, table, chosen, password, into, rows -> {
            switch (name) {
                case ADHERENCE -> report.adherenceLines(user, filter, by, rows::row);
                case MISSED_DOSES -> report.missedLines(user, filter, rows::row);
                case AS_NEEDED -> asNeeded.useLines(user, filter, rows::row);
                case CONTROLLED_DRUGS -> stock.registerLines(user, filter, rows::row);
                case STOCK_DISCREPANCIES -> stock.discrepancyLines(user, filter, rows::row);
                default -> asNeeded.overrideLines(user, filter, rows::row);
            }
        });
    }
}
