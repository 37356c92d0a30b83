package org.trackwell.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.springframework.stereotype.Component;
import org.trackwell.shared.DataDirectory;

/**
 * The Ed25519 key that signs checkpoints: installation key material under the data directory,
 * never in the database, so whoever can rewrite the database cannot re-sign its chain.
 */
@Component
public class SigningKey {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    SigningKey(DataDirectory dataDirectory) {
        KeyPair pair = loadOrCreate(dataDirectory.privateDirectory("keys").resolve("audit-signing.key"));
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as base64 of its X.509 encoding, for anyone to verify checkpoints with. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    private static KeyPair loadOrCreate(Path file) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            Path publicFile = file.resolveSibling("audit-signing.pub");
            if (Files.exists(file) && Files.exists(publicFile)) {
                byte[] privateBytes =
                        Base64.getDecoder().decode(Files.readString(file).strip());
                byte[] publicBytes =
                        Base64.getDecoder().decode(Files.readString(publicFile).strip());
                return new KeyPair(
                        factory.generatePublic(new X509EncodedKeySpec(publicBytes)),
                        factory.generatePrivate(new PKCS8EncodedKeySpec(privateBytes)));
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.writeString(
                    publicFile,
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            Files.writeString(
                    file, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
