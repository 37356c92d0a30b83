package org.trackwell.portability.internal;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * A ZIP file written as it goes inside an OpenPGP message encrypted with a password (RFC 4880:
 * AES-256, integrity-protected, the key derived by iterated and salted SHA-256 at its highest
 * count), which {@code gpg --decrypt} opens. Nothing is held whole: each entry streams through.
 */
final class EncryptedArchive implements AutoCloseable {

    /** The most work OpenPGP's key derivation can be asked for: 65,011,712 bytes hashed. */
    private static final int S2K_COUNT = 0xff;

    private final OutputStream encrypted;
    private final OutputStream literal;
    private final ZipOutputStream zip;
    private final PGPEncryptedDataGenerator encryption;
    private final PGPLiteralDataGenerator literalData = new PGPLiteralDataGenerator();

    EncryptedArchive(OutputStream out, String password, String fileName, Instant at, SecureRandom random) {
        try {
            encryption = new PGPEncryptedDataGenerator(new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                    .setWithIntegrityPacket(true)
                    .setSecureRandom(random));
            encryption.addMethod(new BcPBEKeyEncryptionMethodGenerator(
                            password.toCharArray(),
                            new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256),
                            S2K_COUNT)
                    .setSecureRandom(random));
            encrypted = encryption.open(out, new byte[1 << 16]);
            literal = literalData.open(encrypted, PGPLiteralData.BINARY, fileName, Date.from(at), new byte[1 << 16]);
            zip = new ZipOutputStream(literal, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PGPException e) {
            throw new IllegalStateException("OpenPGP encryption could not start", e);
        }
    }

    /** Adds one text file, written line by line by {@code lines}; returns what {@code lines} returned. */
    <T> T file(String name, Function<Consumer<String>, T> lines) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            Writer writer =
                    new BufferedWriter(new OutputStreamWriter(new KeepOpen(zip), StandardCharsets.UTF_8), 1 << 16);
            T result = lines.apply(line -> {
                try {
                    writer.write(line);
                    writer.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
            zip.closeEntry();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds one file of bytes as they are. */
    void bytes(String name, byte[] content) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            zip.finish();
            literal.close();
            encrypted.close();
            encryption.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets a writer be flushed without closing the ZIP under it. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
