package org.trackwell.audit;

import org.springframework.stereotype.Service;
import org.trackwell.audit.internal.SigningKey;

/**
 * Signs documents the installation vouches for, such as erasure certificates, with the key that
 * signs the audit trail's checkpoints (Ed25519), and checks them against its public key.
 */
@Service
public class DocumentSignatures {

    private final SigningKey key;

    DocumentSignatures(SigningKey key) {
        this.key = key;
    }

    public byte[] sign(byte[] document) {
        return key.sign(document);
    }

    /** Whether the signature is this installation's over exactly these bytes. */
    public boolean verify(byte[] document, byte[] signature) {
        return SigningKey.verify(key.publicKey(), document, signature);
    }

    /** The public key as base64 of its X.509 encoding, the same that checks the checkpoints. */
    public String publicKeyBase64() {
        return key.publicKeyBase64();
    }
}
