package org.trackwell.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The chain's hash: SHA-256 over the previous hash and an unambiguous encoding of every field of
 * the entry (each string length-prefixed, absent fields marked), so no two entries encode alike.
 */
public final class ChainHash {

    public static final byte[] GENESIS = new byte[32];

    private ChainHash() {}

    public static byte[] next(byte[] previous, StoredEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        sha256.update(encode(event));
        return sha256.digest();
    }

    static byte[] encode(StoredEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            uuid(out, event.tenantId());
            uuid(out, event.id());
            out.writeLong(micros(event.occurredAt()));
            for (String field : new String[] {
                event.actorType(),
                event.actorId(),
                event.actorRole(),
                event.action(),
                event.target(),
                event.outcome(),
                event.address(),
                event.userAgent(),
                event.requestId()
            }) {
                text(out, field);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The bytes a checkpoint signature covers. */
    public static byte[] checkpoint(UUID stream, long seq, byte[] hash, Instant signedAt) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(80);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeBytes("trackwell-audit-checkpoint-v1");
            uuid(out, stream);
            out.writeLong(seq);
            out.write(hash);
            out.writeLong(micros(signedAt));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static void uuid(DataOutputStream out, UUID value) throws IOException {
        out.writeLong(value.getMostSignificantBits());
        out.writeLong(value.getLeastSignificantBits());
    }

    private static void text(DataOutputStream out, @Nullable String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /**
     * The same encoding as {@link #encode}, written field by field into one reused buffer and
     * hashed with one reused digest: for verification, which hashes every entry of a stream.
     */
    static final class Link {

        private final MessageDigest sha256 = sha256();
        private final byte[] digest = new byte[32];
        private byte[] bytes = new byte[512];
        private int length;

        Link start() {
            length = 0;
            return this;
        }

        void uuid(long high, long low) {
            putLong(high);
            putLong(low);
        }

        void micros(long micros) {
            putLong(micros);
        }

        /** A text field of {@code utf8Length} bytes (-1 for absent): its length here, and where its bytes go. */
        int text(int utf8Length) {
            ensure(4 + Math.max(utf8Length, 0));
            putInt(utf8Length);
            int at = length;
            length += Math.max(utf8Length, 0);
            return at;
        }

        byte[] buffer() {
            return bytes;
        }

        /** Whether SHA-256 over {@code previous} and this entry is the 32 bytes at {@code offset} of {@code sealed}. */
        boolean matches(byte[] previous, byte[] sealed, int offset) {
            sha256.update(previous);
            sha256.update(bytes, 0, length);
            try {
                sha256.digest(digest, 0, 32);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException(e);
            }
            return java.util.Arrays.equals(digest, 0, 32, sealed, offset, offset + 32);
        }

        private void putLong(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[length++] = (byte) (value >>> shift);
            }
        }

        private void putInt(int value) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                bytes[length++] = (byte) (value >>> shift);
            }
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
