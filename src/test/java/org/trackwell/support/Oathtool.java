package org.trackwell.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** TOTP codes from an independent implementation: Debian's oathtool, at a given time. */
public final class Oathtool {

    private Oathtool() {}

    public static String totp(String base32Secret, Instant at) {
        try {
            Process process = new ProcessBuilder(
                            "oathtool", "--totp", "--base32", "--now=@" + at.getEpochSecond(), base32Secret)
                    .redirectErrorStream(true)
                    .start();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("oathtool failed");
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new IllegalStateException("oathtool is needed for the two-factor tests (apt install oathtool)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
