package org.trackwell.reports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.trackwell.reports.ExportFormat;
import org.trackwell.reports.ExportTable;

/** Writes one table in one format, row by row, to a stream it does not close. */
public interface TableWriter extends AutoCloseable {

    void row(List<? extends @Nullable Object> cells) throws IOException;

    /** Finishes the file; nothing is complete before this. */
    @Override
    void close() throws IOException;

    /**
     * @param password for an XLSX only: the workbook is encrypted with it (ECMA-376 agile); the
     *     caller has checked its strength
     */
    static TableWriter open(ExportFormat format, ExportTable table, OutputStream out, @Nullable String password)
            throws IOException {
        return switch (format) {
            case CSV -> new CsvTable(table, out);
            case XLSX -> new XlsxTable(table, out, password);
            case PDF -> new PdfTable(table, out);
        };
    }
}
