package org.trackwell.reports;

import java.util.Locale;
import java.util.Optional;

/** The file types a report or list downloads as. */
public enum ExportFormat {
    CSV("text/csv; charset=UTF-8", "csv", "CSV (any spreadsheet or text editor)"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel workbook"),
    PDF("application/pdf", "pdf", "PDF, to print or read");

    private final String mediaType;
    private final String extension;
    private final String label;

    ExportFormat(String mediaType, String extension, String label) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.label = label;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** In the users' words, for the download form. */
    public String label() {
        return label;
    }

    public static Optional<ExportFormat> named(String name) {
        for (ExportFormat format : values()) {
            if (format.extension.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
