package org.trackwell.keys;

import java.util.List;

/** A module whose table holds installation secrets: master-key rotation seals them again. */
public interface InstallationSealedFields {

    /** An installation secret and where it lives. */
    record SealedSecret(String table, String column, String row, EncryptedText text) {}

    List<SealedSecret> sealedUnderMasterKey();

    void replace(SealedSecret secret, EncryptedText resealed);
}
