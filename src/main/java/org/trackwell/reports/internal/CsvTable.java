package org.trackwell.reports.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.trackwell.reports.ExportTable;

/** RFC 4180 CSV in UTF-8: a heading line, then one line per row; text defused against formulas. */
final class CsvTable implements TableWriter {

    private final Writer out;

    CsvTable(ExportTable table, OutputStream stream) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        line(table.columns());
    }

    @Override
    public void row(List<? extends @Nullable Object> cells) throws IOException {
        line(cells);
    }

    private void line(List<? extends @Nullable Object> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object cell = cells.get(i);
            String text = Cells.text(cell);
            out.write(quoted(cell instanceof Number ? text : Cells.defused(text)));
        }
        out.write("\r\n");
    }

    private static String quoted(String text) {
        if (text.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
