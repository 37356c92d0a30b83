package org.trackwell.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.springframework.stereotype.Service;
import org.trackwell.keys.internal.MasterKey;

/**
 * Sealing for the few secrets that belong to the installation, not to a tenant (operators'
 * authenticator secrets): under the master key, bound to table, column and row. Master-key
 * rotation seals them again through {@link InstallationSealedFields}.
 */
@Service
public class InstallationSecrets {

    private final MasterKey master;

    InstallationSecrets(MasterKey master) {
        this.master = master;
    }

    public EncryptedText seal(String table, String column, String row, String plaintext) {
        try {
            return new EncryptedText(master.aead()
                    .encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(table, column, row)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    public String open(String table, String column, String row, EncryptedText sealed) {
        try {
            return new String(
                    master.aead().decrypt(sealed.ciphertext(), associatedData(table, column, row)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new CannotOpen();
        }
    }

    static byte[] associatedData(String table, String column, String row) {
        return String.join("\u0000", "trackwell-installation-v1", table, column, row)
                .getBytes(StandardCharsets.UTF_8);
    }
}
