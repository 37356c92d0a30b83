package org.trackwell.reports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.trackwell.reports.ExportTable;

/**
 * A workbook written with POI's streaming SXSSF: only the last {@value #WINDOW} rows are held in
 * memory, the rest go to a compressed temporary file. The first sheet is the table (headings in
 * the first row, so that any reader takes it as data); the second says what it is and its
 * filters. With a password the whole package is encrypted with ECMA-376 agile encryption
 * (AES-256, SHA-512), which Excel, LibreOffice and msoffcrypto-tool open; POI encrypts through a
 * temporary file too. Text cells are plain strings, which no spreadsheet runs as formulas.
 */
final class XlsxTable implements TableWriter {

    private static final int WINDOW = 200;

    private final ExportTable table;
    private final OutputStream out;
    private final @Nullable String password;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final SXSSFSheet sheet;
    private final CellStyle day;
    private int next;

    XlsxTable(ExportTable table, OutputStream out, @Nullable String password) {
        this.table = table;
        this.out = out;
        this.password = password;
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet(sheetName(table.title()));
        day = workbook.createCellStyle();
        day.setDataFormat(workbook.createDataFormat().getFormat("d mmm yyyy"));
        CellStyle heading = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        heading.setFont(bold);
        Row headings = sheet.createRow(next++);
        for (int i = 0; i < table.columns().size(); i++) {
            Cell cell = headings.createCell(i);
            cell.setCellValue(table.columns().get(i));
            cell.setCellStyle(heading);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void row(List<? extends @Nullable Object> cells) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            switch (value) {
                case Number number -> cell.setCellValue(number.doubleValue());
                case LocalDate date -> {
                    cell.setCellValue(date);
                    cell.setCellStyle(day);
                }
                default -> cell.setCellValue(Cells.text(value));
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            about();
            if (password == null) {
                workbook.write(CloseShieldOutputStream.wrap(out));
            } else {
                encrypted(password);
            }
            out.flush();
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private void about() {
        SXSSFSheet about = workbook.createSheet("About");
        int line = 0;
        about.createRow(line++).createCell(0).setCellValue(table.title());
        for (Map.Entry<String, String> filter : table.filters().entrySet()) {
            Row row = about.createRow(line++);
            row.createCell(0).setCellValue(filter.getKey());
            row.createCell(1).setCellValue(filter.getValue());
        }
        about.createRow(line).createCell(0).setCellValue("Rows: " + (next - 1));
    }

    private void encrypted(String password) throws IOException {
        try (POIFSFileSystem container = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream plain = encryptor.getDataStream(container)) {
                workbook.write(plain);
            }
            container.writeFilesystem(out);
        } catch (GeneralSecurityException e) {
            throw new IOException("the workbook could not be encrypted", e);
        }
    }

    /** Excel's rules: at most 31 characters, none of : \ / ? * [ ]. */
    private static String sheetName(String title) {
        String name = title.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        return name.length() > 31 ? name.substring(0, 31) : name.isEmpty() ? "Report" : name;
    }
}
