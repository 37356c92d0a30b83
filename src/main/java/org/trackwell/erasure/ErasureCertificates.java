package org.trackwell.erasure;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.stereotype.Service;
import org.trackwell.audit.DocumentSignatures;

/**
 * The signature of an erasure certificate: the PDF's bytes, then one last line {@code
 * %TRACKWELL-SIGNATURE ed25519 <base64>} with the audit signing key's signature over every byte
 * before it. PDF readers take a line starting with {@code %} after the end of the file as a
 * comment, so the signed file still opens as the PDF it is.
 */
@Service
public class ErasureCertificates {

    private static final byte[] MARK = "\n%TRACKWELL-SIGNATURE ed25519 ".getBytes(StandardCharsets.US_ASCII);

    private final DocumentSignatures signatures;

    ErasureCertificates(DocumentSignatures signatures) {
        this.signatures = signatures;
    }

    /** The PDF with its signature line. */
    public byte[] signed(byte[] pdf) {
        byte[] body = pdf.length > 0 && pdf[pdf.length - 1] == '\n' ? pdf : Arrays.copyOf(pdf, pdf.length + 1);
        body[body.length - 1] = '\n';
        byte[] signature = signatures.sign(body);
        byte[] line = (new String(MARK, StandardCharsets.US_ASCII).substring(1)
                        + Base64.getEncoder().encodeToString(signature)
                        + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] file = Arrays.copyOf(body, body.length + line.length);
        System.arraycopy(line, 0, file, body.length, line.length);
        return file;
    }

    /** Whether the file is a certificate signed by this installation and unchanged since, to the byte. */
    public boolean verify(byte[] file) {
        int mark = lastIndexOf(file, MARK);
        if (mark < 0) {
            return false;
        }
        int start = mark + MARK.length;
        if (file.length == start || file[file.length - 1] != '\n') {
            return false;
        }
        String encoded = new String(file, start, file.length - 1 - start, StandardCharsets.US_ASCII);
        if (!encoded.matches("[A-Za-z0-9+/]+={0,2}")) {
            return false;
        }
        byte[] signed = Arrays.copyOf(file, mark + 1);
        return signatures.verify(signed, Base64.getDecoder().decode(encoded));
    }

    private static int lastIndexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = bytes.length - part.length; i >= 0; i--) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
