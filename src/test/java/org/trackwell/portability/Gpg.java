package org.trackwell.portability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** GnuPG, as the receiver of an archive opens it. */
final class Gpg {

    private Gpg() {}

    /** Decrypts {@code encrypted} into {@code out} with its own keyring under {@code directory}; gpg's exit code. */
    static int decrypt(Path directory, Path encrypted, String password, Path out) throws Exception {
        Path home = Files.createTempDirectory(directory, "gnupg");
        Process gpg = new ProcessBuilder(
                        "gpg",
                        "--homedir",
                        home.toString(),
                        "--batch",
                        "--yes",
                        "--pinentry-mode",
                        "loopback",
                        "--passphrase-fd",
                        "0",
                        "--output",
                        out.toString(),
                        "--decrypt",
                        encrypted.toString())
                .redirectErrorStream(true)
                .start();
        gpg.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
        gpg.getOutputStream().close();
        gpg.getInputStream().readAllBytes();
        return gpg.waitFor();
    }
}
