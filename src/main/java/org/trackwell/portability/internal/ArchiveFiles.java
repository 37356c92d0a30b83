package org.trackwell.portability.internal;

import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.trackwell.tenancy.Tenant;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The files of a tenant archive, format version {@value #VERSION} (docs/exports.md). */
@Component
public class ArchiveFiles {

    static final int VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TableRows rows;

    ArchiveFiles(TableRows rows) {
        this.rows = rows;
    }

    public Archive open(OutputStream out, String password, Tenant tenant, Instant at, SecureRandom random) {
        String name = "trackwell-" + tenant.slug() + "-" + at.toString().substring(0, 10) + ".zip";
        return new Archive(new EncryptedArchive(out, password, name, at, random), tenant, at);
    }

    /** One archive being written; its files go in the order they are written. */
    public final class Archive implements AutoCloseable {

        private final EncryptedArchive zip;
        private final Tenant tenant;
        private final Instant at;

        private Archive(EncryptedArchive zip, Tenant tenant, Instant at) {
            this.zip = zip;
            this.tenant = tenant;
            this.at = at;
        }

        public long text(String file, Function<Consumer<String>, Long> lines) {
            return zip.file(file, lines);
        }

        public void readme() {
            zip.file("README.md", line -> {
                Readme.lines(tenant, at, VERSION).forEach(line);
                for (String table : rows.tables()) {
                    line.accept("");
                    line.accept("### data/" + table + ".jsonl");
                    line.accept("");
                    SealedColumns.Sealing sealing = SealedColumns.of(table).orElse(SealedColumns.NONE);
                    rows.columns(table)
                            .forEach(column -> line.accept("- `" + column.name() + "` (" + column.type()
                                    + (sealing.opens(column.name()) ? ", sealed in Trackwell, opened here" : "")
                                    + ")"));
                }
                return 0L;
            });
        }

        /** Every table's rows, one file each, counted into {@code lines}. */
        public void data(Map<String, Long> lines) {
            for (String table : rows.tables()) {
                String file = "data/" + table + ".jsonl";
                lines.put(file, zip.file(file, line -> rows.write(table, line)));
            }
        }

        public void manifest(Map<String, Long> lines) {
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("format", "trackwell-tenant-archive");
            manifest.put("version", VERSION);
            manifest.put("created_at", at.toString());
            ObjectNode about = manifest.putObject("tenant");
            about.put("id", tenant.id().toString());
            about.put("slug", tenant.slug());
            about.put("name", tenant.displayName());
            ArrayNode files = manifest.putArray("files");
            lines.forEach((file, count) -> files.addObject().put("name", file).put("lines", count));
            ObjectNode leftOut = manifest.putObject("left_out");
            TableRows.LEFT_OUT.forEach(leftOut::put);
            zip.file("manifest.json", line -> {
                line.accept(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
                return 1L;
            });
        }

        @Override
        public void close() {
            zip.close();
        }
    }
}
