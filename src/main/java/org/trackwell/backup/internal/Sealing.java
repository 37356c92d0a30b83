package org.trackwell.backup.internal;

import com.google.crypto.tink.StreamingAead;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.trackwell.backup.BackupRefused;

/**
 * Every file in the backup store is compressed, then sealed with Tink's streaming AEAD under the
 * backup key, bound to its own name: a file that is altered, cut short, or moved to another name
 * does not open, and the refusal names it.
 */
final class Sealing {

    private final StreamingAead aead;

    Sealing(StreamingAead aead) {
        this.aead = aead;
    }

    void seal(InputStream plain, BackupStore store, String name) throws IOException {
        try (OutputStream file = store.create(name);
                OutputStream encrypted = aead.newEncryptingStream(file, associatedData(name));
                GZIPOutputStream compressed = new GZIPOutputStream(encrypted, 64 * 1024) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                }) {
            plain.transferTo(compressed);
        } catch (GeneralSecurityException e) {
            throw new IOException("could not seal " + name, e);
        }
    }

    /** The plain content; reading it fails with {@link BackupRefused} naming the file if it was tampered with. */
    InputStream open(BackupStore store, String name) throws IOException {
        try {
            InputStream decrypted = aead.newDecryptingStream(store.open(name), associatedData(name));
            return new Refusing(new GZIPInputStream(new Refusing(decrypted, name), 64 * 1024), name);
        } catch (GeneralSecurityException | IOException e) {
            throw altered(name);
        }
    }

    static BackupRefused altered(String name) {
        return new BackupRefused("The backup file " + name
                + " does not open with this backup key: it was altered, cut short or renamed, or it is from"
                + " another installation.");
    }

    private static byte[] associatedData(String name) {
        return ("trackwell-backup:" + name).getBytes(StandardCharsets.UTF_8);
    }

    /** Turns a failed authentication deep inside a read into a refusal that names the file. */
    private static final class Refusing extends FilterInputStream {

        private final String name;

        Refusing(InputStream in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw altered(name);
            }
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            try {
                return super.read(bytes, offset, length);
            } catch (IOException e) {
                throw altered(name);
            }
        }
    }
}
