package org.trackwell.reports;

import java.util.List;
import java.util.Map;

/**
 * What a download holds: its name (for the file and the audit trail), a title, the filters it was
 * made with in words (printed with the table) and as codes (recorded in the audit trail, which
 * names people by id, never by name), and the column headings. Rows come separately, as the
 * database returns them; a cell is text, a number, a date or empty (null).
 */
public record ExportTable(
        String name, String title, Map<String, String> filters, Map<String, String> recorded, List<String> columns) {

    public ExportTable {
        filters = Map.copyOf(filters);
        recorded = Map.copyOf(recorded);
        columns = List.copyOf(columns);
    }
}
