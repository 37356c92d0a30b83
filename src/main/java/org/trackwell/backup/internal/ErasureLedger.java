package org.trackwell.backup.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.backup.BackupRefused;
import org.trackwell.keys.KeyDestroyed;
import org.trackwell.shared.TenantId;

/**
 * The ledger of key destructions, kept in the backup store beside the backups and outside the
 * database, so that a restore of an older backup can destroy again every key destroyed since. One
 * sealed file per destruction, {@code erasures/000000000001} onward: each is authenticated by its
 * sealing (bound to its name) and names the SHA-256 of the one before, so a record removed from the
 * middle leaves a gap or a broken chain, and every base backup's manifest says how many records
 * there were when it was taken, so records cut from the end before then are noticed too.
 */
final class ErasureLedger {

    static final String PREFIX = "erasures/";
    private static final String NONE = "none";

    private final BackupStore store;
    private final BackupKeys keys;
    private final Sealing sealing;
    private @Nullable Head head;

    private record Head(long records, String digest) {}

    ErasureLedger(BackupStore store, BackupKeys keys) {
        this.store = store;
        this.keys = keys;
        this.sealing = keys.sealing();
    }

    /**
     * Appends one destruction, into a store that is this installation's; the caller holds the
     * ledger's lock across processes.
     */
    synchronized void append(KeyDestroyed destroyed) {
        try {
            keys.claim(store);
            Head last = head;
            if (last == null || store.exists(name(last.records() + 1))) {
                last = headOf(read());
            }
            long number = last.records() + 1;
            byte[] record = write(number, last.digest(), destroyed);
            sealing.seal(new ByteArrayInputStream(record), store, name(number));
            head = new Head(number, digest(record));
        } catch (IOException e) {
            head = null;
            throw new UncheckedIOException("cannot write to the erasure ledger in " + store.describe(), e);
        }
    }

    String where() {
        return store.describe();
    }

    /** How many records the ledger holds, checked whole. */
    synchronized long records() {
        return read().size();
    }

    /** Every destruction recorded, oldest first, after checking that none was altered or removed. */
    List<KeyDestroyed> destructions() {
        return read().stream().map(Entry::destroyed).toList();
    }

    private record Entry(KeyDestroyed destroyed, String digest) {}

    private List<Entry> read() {
        List<Entry> entries = new ArrayList<>();
        String previous = NONE;
        try {
            List<String> names = store.list(PREFIX).stream()
                    .filter(name -> name.matches("erasures/\\d{12}"))
                    .toList();
            for (String name : names) {
                long number = entries.size() + 1;
                if (!name.equals(name(number))) {
                    throw new BackupRefused("The erasure ledger in " + store.describe() + " lacks " + name(number)
                            + ": a record of a key destruction was removed.");
                }
                byte[] record;
                try (InputStream in = sealing.open(store, name)) {
                    record = in.readAllBytes();
                }
                Properties fields = new Properties();
                fields.load(new StringReader(new String(record, StandardCharsets.UTF_8)));
                if (!previous.equals(fields.getProperty("previous"))
                        || !Long.toString(number).equals(fields.getProperty("record"))) {
                    throw new BackupRefused("The erasure ledger record " + name + " does not follow the one before"
                            + " it: records were removed or reordered.");
                }
                previous = digest(record);
                entries.add(new Entry(destroyed(fields), previous));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the erasure ledger in " + store.describe(), e);
        }
        return entries;
    }

    private static Head headOf(List<Entry> entries) {
        return entries.isEmpty()
                ? new Head(0, NONE)
                : new Head(entries.size(), entries.getLast().digest());
    }

    private static byte[] write(long number, String previous, KeyDestroyed destroyed) {
        StringBuilder text = new StringBuilder()
                .append("record=")
                .append(number)
                .append("\nprevious=")
                .append(previous)
                .append("\ntenant=")
                .append(destroyed.tenant().value())
                .append('\n');
        destroyed
                .clientKey()
                .ifPresent(client -> text.append("client=").append(client).append('\n'));
        if (destroyed.tenantClosed()) {
            text.append("closed=true\n");
        }
        text.append("at=").append(destroyed.at()).append('\n');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static KeyDestroyed destroyed(Properties fields) {
        String client = fields.getProperty("client");
        return new KeyDestroyed(
                new TenantId(UUID.fromString(fields.getProperty("tenant"))),
                client == null ? null : UUID.fromString(client),
                Instant.parse(fields.getProperty("at")),
                Boolean.parseBoolean(fields.getProperty("closed")));
    }

    static String name(long number) {
        return PREFIX + String.format(Locale.ROOT, "%012d", number);
    }

    private static String digest(byte[] record) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(record));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
