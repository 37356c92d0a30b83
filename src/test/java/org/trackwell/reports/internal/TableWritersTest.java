package org.trackwell.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackwell.reports.ExportFormat;
import org.trackwell.reports.ExportTable;

/** The files every export makes, read back by other programs: POI, openpyxl, msoffcrypto-tool, pdftotext. */
class TableWritersTest {

    static final ExportTable TABLE = new ExportTable(
            "outcomes-episodes",
            "Episodes: Recovered",
            Map.of("Period", "1 Sep 2026 to 30 Nov 2026"),
            Map.of("from", "2026-09-01"),
            List.of("Client", "Referred", "Treatment contacts", "Outcome"));

    static final String PASSWORD = "orbit lantern quietly fossil";

    @TempDir
    Path dir;

    @Test
    void defusesCsvCellsThatASpreadsheetWouldRunAsFormulas() throws IOException {
        String csv = new String(
                write(
                        ExportFormat.CSV,
                        null,
                        List.of(
                                row("=HYPERLINK(\"http://x\")", null, 2, "+1"),
                                row("-2+3", null, -4.5, "@SUM(A1)"),
                                row("\tTab", null, 0, "\rReturn"),
                                row("AB-1234", LocalDate.of(2026, 9, 1), 3, "Recovered, reliably"))),
                StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Client,Referred,Treatment contacts,Outcome");
        assertThat(lines.get(1)).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",,2,'+1");
        assertThat(lines.get(2)).as("numbers are ours and stay numbers").isEqualTo("'-2+3,,-4.5,'@SUM(A1)");
        assertThat(lines.get(3)).startsWith("'\tTab,,0,");
        assertThat(csv).contains("\"'\rReturn\"");
        assertThat(csv).contains("AB-1234,1 Sept 2026,3,\"Recovered, reliably\"");
    }

    @Test
    void workbookReadsBackInPoiAndOpenpyxl() throws Exception {
        byte[] xlsx = write(ExportFormat.XLSX, null, manyRows(1_000));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Client");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("AB-0000");
            assertThat(sheet.getRow(1000).getCell(2).getNumericCellValue()).isEqualTo(999.0);
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("=not a formula");
            assertThat(workbook.getSheet("About").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Episodes: Recovered");
        }
        Path file = dir.resolve("report.xlsx");
        Files.write(file, xlsx);
        assertThat(run("/usr/bin/python3", "-c", """
                import sys, warnings, openpyxl
                warnings.simplefilter("ignore")
                sheet = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
                rows = list(sheet.iter_rows(values_only=True))
                print(len(rows), rows[0][0], rows[1][0], rows[1000][2], rows[1][3])
                """, file.toString()))
                .isEqualTo("1001 Client AB-0000 999.0 =not a formula");
    }

    @Test
    void passwordProtectedWorkbookOpensOnlyWithItsPassword() throws Exception {
        byte[] xlsx = write(ExportFormat.XLSX, PASSWORD, manyRows(10));
        Path encrypted = dir.resolve("protected.xlsx");
        Files.write(encrypted, xlsx);
        try (POIFSFileSystem container = new POIFSFileSystem(encrypted.toFile(), true)) {
            EncryptionInfo info = new EncryptionInfo(container);
            assertThat(info.getEncryptionMode().name()).isEqualTo("agile");
            Decryptor decryptor = Decryptor.getInstance(info);
            assertThat(decryptor.verifyPassword("wrong password")).isFalse();
            assertThat(decryptor.verifyPassword(PASSWORD)).isTrue();
            try (InputStream plain = decryptor.getDataStream(container);
                    XSSFWorkbook workbook = new XSSFWorkbook(plain)) {
                assertThat(workbook.getSheetAt(0).getRow(10).getCell(0).getStringCellValue())
                        .isEqualTo("AB-0009");
            }
        }
        Path decrypted = dir.resolve("decrypted.xlsx");
        Process right = new ProcessBuilder(
                        "msoffcrypto-tool", "-p", PASSWORD, encrypted.toString(), decrypted.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(right.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(right.exitValue())
                .as(new String(right.getInputStream().readAllBytes()))
                .isZero();
        try (XSSFWorkbook workbook = new XSSFWorkbook(decrypted.toFile())) {
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("AB-0000");
        }
        Path refused = dir.resolve("refused.xlsx");
        Process wrong = new ProcessBuilder(
                        "msoffcrypto-tool", "-p", "not the password", encrypted.toString(), refused.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(wrong.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(wrong.exitValue()).isNotZero();
    }

    @Test
    void pdfReadsBackInPdftotext() throws Exception {
        List<List<@Nullable Object>> rows = manyRows(120);
        rows.add(row("ΑΒ-Ωμέγα", LocalDate.of(2026, 11, 30), 2, "Reliable recovery"));
        Path pdf = dir.resolve("report.pdf");
        Files.write(pdf, write(ExportFormat.PDF, null, rows));
        String text = run("pdftotext", "-layout", pdf.toString(), "-");
        assertThat(text)
                .contains("Episodes: Recovered", "Period: 1 Sep 2026 to 30 Nov 2026", "Client", "AB-0000", "AB-0119")
                .contains("ΑΒ-Ωμέγα", "30 Nov 2026", "Reliable recovery", "Page 2");
    }

    private byte[] write(ExportFormat format, @Nullable String password, List<List<@Nullable Object>> rows)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(format, TABLE, out, password)) {
            for (List<@Nullable Object> row : rows) {
                writer.row(row);
            }
        }
        return out.toByteArray();
    }

    private static List<List<@Nullable Object>> manyRows(int count) {
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(String.format("AB-%04d", i), LocalDate.of(2026, 9, 1).plusDays(i % 60), i, "=not a formula"));
        }
        return rows;
    }

    private static List<@Nullable Object> row(@Nullable Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        OutputStream ignored = process.getOutputStream();
        ignored.close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
