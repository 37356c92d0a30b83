package org.trackwell.audit.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** PostgreSQL's binary COPY format: a header, then per row a field count and each field length-prefixed. */
final class CopyReader implements AutoCloseable {

    private static final int HEADER = 11 + 4;

    private final InputStream in;
    private final byte[] eight = new byte[8];
    private boolean ended;

    CopyReader(InputStream in) throws IOException {
        this.in = in;
        byte[] header = new byte[HEADER];
        readFully(header, 0, HEADER);
        int extension = readInt();
        in.skipNBytes(extension);
    }

    /** The next row's field count, or -1 at the end. */
    int nextRow() throws IOException {
        readFully(eight, 0, 2);
        short fields = (short) (((eight[0] & 0xff) << 8) | (eight[1] & 0xff));
        if (fields == -1) {
            ended = true;
        }
        return fields;
    }

    boolean ended() {
        return ended;
    }

    /** The next field's length in bytes, -1 for null. */
    int length() throws IOException {
        return readInt();
    }

    long readLong() throws IOException {
        readFully(eight, 0, 8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (eight[i] & 0xff);
        }
        return value;
    }

    private int readInt() throws IOException {
        readFully(eight, 0, 4);
        return ((eight[0] & 0xff) << 24) | ((eight[1] & 0xff) << 16) | ((eight[2] & 0xff) << 8) | (eight[3] & 0xff);
    }

    void readFully(byte[] into, int offset, int length) throws IOException {
        if (in.readNBytes(into, offset, length) != length) {
            throw new EOFException("the COPY ended inside a row");
        }
    }

    /**
     * Reads what is left rather than cancel: a cancelled COPY fails the transaction, in which
     * the exact walk still has to run.
     */
    @Override
    public void close() throws IOException {
        try (in) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
