package org.trackwell.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.Block;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jspecify.annotations.Nullable;

/**
 * Argon2id in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, as Spring
 * Security's {@code Argon2PasswordEncoder} writes and reads it), with the hash's memory kept by the
 * thread that hashes instead of allocated anew each time. Each hash needs 19 MiB of 1 KiB blocks;
 * allocated per hash, every sign-in made the garbage collector copy the blocks of the hashes in
 * progress, and the heap grow to hold them. Only the {@link HashingThreads} hash, so each of them
 * keeps one hash's blocks for as long as it lives (it ends when idle, and its blocks go with it).
 * Blocks are zeroed before they are kept (Bouncy Castle clears them), so nothing of a password
 * stays in them.
 */
final class Argon2id {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
    private static final ThreadLocal<KeptBlocks> BLOCKS = ThreadLocal.withInitial(KeptBlocks::new);

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random;

    Argon2id(int memoryKib, int iterations, int parallelism, SecureRandom random) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.random = random;
    }

    String encode(byte[] secret) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Argon2Parameters parameters = parameters(salt, memoryKib, iterations, parallelism);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + BASE64.encodeToString(salt) + "$" + BASE64.encodeToString(hash(secret, parameters, HASH_BYTES));
    }

    /** Whether {@code secret} hashes to {@code stored}; false for a stored string that is not Argon2id's. */
    boolean matches(byte[] secret, String stored) {
        Stored parsed = Stored.parse(stored);
        if (parsed == null) {
            return false;
        }
        byte[] computed = hash(
                secret,
                parameters(parsed.salt, parsed.memoryKib, parsed.iterations, parsed.parallelism),
                parsed.hash.length);
        return MessageDigest.isEqual(computed, parsed.hash);
    }

    /** Whether {@code stored} was made with less memory or fewer passes than hashes are made with now. */
    boolean weakerThanNow(String stored) {
        Stored parsed = Stored.parse(stored);
        return parsed != null && (parsed.memoryKib < memoryKib || parsed.iterations < iterations);
    }

    private static Argon2Parameters parameters(byte[] salt, int memoryKib, int iterations, int parallelism) {
        return new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withBlockPool(BLOCKS.get())
                .build();
    }

    private static byte[] hash(byte[] secret, Argon2Parameters parameters, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(secret, out);
        return out;
    }

    /** {@code $argon2id$v=19$m=M,t=T,p=P$SALT$HASH}; null for anything else. */
    private record Stored(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

        static @Nullable Stored parse(String stored) {
            String[] parts = stored.split("\\$");
            if (parts.length != 6 || !parts[0].isEmpty() || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
                return null;
            }
            try {
                int memory = 0;
                int iterations = 0;
                int parallelism = 0;
                for (String setting : parts[3].split(",")) {
                    String[] pair = setting.split("=", 2);
                    int value = Integer.parseInt(pair[1]);
                    switch (pair[0]) {
                        case "m" -> memory = value;
                        case "t" -> iterations = value;
                        case "p" -> parallelism = value;
                        default -> {
                            return null;
                        }
                    }
                }
                byte[] hash = Base64.getDecoder().decode(parts[5].getBytes(StandardCharsets.US_ASCII));
                return memory > 0 && iterations > 0 && parallelism > 0 && hash.length >= 4
                        ? new Stored(
                                memory,
                                iterations,
                                parallelism,
                                Base64.getDecoder().decode(parts[4]),
                                hash)
                        : null;
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                return null;
            }
        }
    }

    /**
     * One thread's blocks: its hashes take them and give them back (zeroed), never two at once, so
     * no lock. Holds as many as the largest hash the thread made.
     */
    private static final class KeptBlocks implements Argon2BytesGenerator.BlockPool {

        private final ArrayDeque<Block> free = new ArrayDeque<>();

        @Override
        public Block allocate() {
            Block block = free.pollLast();
            return block != null ? block : new Block();
        }

        @Override
        public void deallocate(Block block) {
            free.addLast(block);
        }
    }
}
