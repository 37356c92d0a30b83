package org.trackwell.backup.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.trackwell.backup.BaseBackupSummary;

/**
 * A base backup's record, written (sealed) after its files: a base backup without one is
 * incomplete and never offered for a restore.
 */
final class Manifest {

    static final String DATA = "data.tar";
    static final String KEYS = "keys.tar";
    static final String MANIFEST = "manifest.properties";

    private Manifest() {}

    static String file(String id, String name) {
        return "base/" + id + "/" + name;
    }

    static InputStream write(BaseBackupSummary summary) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("id", summary.id());
        properties.setProperty("startedAt", summary.startedAt().toString());
        properties.setProperty("finishedAt", summary.finishedAt().toString());
        properties.setProperty("bytes", Long.toString(summary.bytes()));
        properties.setProperty("firstWalSegment", summary.firstWalSegment());
        properties.setProperty("erasureRecords", Long.toString(summary.erasureRecords()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        properties.store(out, "Trackwell base backup");
        return new ByteArrayInputStream(out.toByteArray());
    }

    static BaseBackupSummary read(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
        return new BaseBackupSummary(
                properties.getProperty("id"),
                Instant.parse(properties.getProperty("startedAt")),
                Instant.parse(properties.getProperty("finishedAt")),
                Long.parseLong(properties.getProperty("bytes")),
                properties.getProperty("firstWalSegment"),
                Long.parseLong(properties.getProperty("erasureRecords", "0")));
    }
}
