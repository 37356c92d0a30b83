package org.trackwell.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.trackwell.identity.IdentityProperties;
import org.trackwell.identity.TooManyAttempts;
import org.trackwell.shared.DataDirectory;

/**
 * "Double hashing": Argon2id over HMAC-SHA-256(pepper, password). The stored string records the
 * Argon2 parameters, so raising them rehashes at the next sign-in. Every Argon2 call runs on the
 * {@link HashingThreads}, so at most a fixed number run at once (each thread keeps ~19 MiB for its
 * hashes, see {@link Argon2id}), a few more wait, and the rest are turned away at once with 429.
 */
@Component
public class PasswordHasher {

    private final SecretKeySpec pepper;
    private final Argon2id argon2;
    private final HashingThreads threads;
    private final String dummyHash;

    PasswordHasher(
            IdentityProperties properties, DataDirectory dataDirectory, SecureRandom random, HashingThreads threads) {
        this.pepper = Pepper.load(properties, dataDirectory, random);
        this.argon2 = new Argon2id(
                properties.argon2MemoryKib(), properties.argon2Iterations(), properties.argon2Parallelism(), random);
        this.threads = threads;
        this.dummyHash = threads.run(() -> argon2.encode(peppered("no account has this password")));
    }

    public String hash(String password) {
        return threads.run(() -> argon2.encode(peppered(password)));
    }

    public boolean matches(String password, String storedHash) {
        return threads.run(() -> argon2.matches(peppered(password), storedHash));
    }

    /**
     * Spends the same work as a real check, for accounts that do not exist or may not sign in, on
     * the same threads, so it waits and is refused like one too.
     */
    public void matchNothing(String password) {
        matches(password, dummyHash);
    }

    /**
     * HMAC-SHA-256 under the pepper, hex: for random secrets such as recovery codes, which need no
     * slow hash, only one that a copy of the database cannot test guesses against.
     */
    public String keyedHash(String secret) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(peppered(secret)));
    }

    /**
     * Refuses at once, with {@link TooManyAttempts}, when a hash asked for now would be: so that a
     * burst of sign-ins beyond what the hashing threads can take is turned away before each one
     * reads and writes the database for its admission, and takes it back.
     */
    public void refuseWhenFull() {
        if (threads.full()) {
            throw new TooManyAttempts(Duration.ofSeconds(1));
        }
    }

    public boolean needsRehash(String storedHash) {
        return argon2.weakerThanNow(storedHash);
    }

    /** Passwords are compared after Unicode NFKC normalisation, whole: never truncated. */
    static String normalised(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** Base64 of the HMAC, as bytes: what Argon2id hashes (the bytes of the string Spring's encoder hashed). */
    private byte[] peppered(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            byte[] keyed = mac.doFinal(normalised(password).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encode(keyed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
