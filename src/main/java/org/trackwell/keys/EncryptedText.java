package org.trackwell.keys;

import java.util.Arrays;

/** A sealed text (or photo) as repositories store it. Only {@link FieldEncryption} opens it. */
public record EncryptedText(byte[] ciphertext) {

    public EncryptedText {
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptedText that && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "EncryptedText[" + ciphertext.length + " bytes]";
    }
}
