package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.support.TrackwellTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's testssl.sh against the server, where it is installed (bin/test installs it). Only the
 * checks of the TLS set-up run: protocols, cipher categories, forward secrecy, server preference
 * and known vulnerabilities (50 to 70 s here; the full run takes 90 s and adds only findings about
 * the test's self-signed certificate, which an installation replaces).
 */
@TrackwellTest
class TlsScanIT {

    private static final Path TESTSSL = Path.of("/usr/bin/testssl");
    private static final Set<String> NO_WEAKNESS = Set.of("OK", "INFO");

    @LocalServerPort
    int port;

    @Test
    void reportsNoWeakness() throws Exception {
        assumeTrue(Files.isExecutable(TESTSSL), "testssl.sh is not installed (bin/test installs it)");
        Path report = Path.of("target/testssl.json");
        Files.deleteIfExists(report);
        Process testssl = new ProcessBuilder(
                        TESTSSL.toString(),
                        "--quiet",
                        "--color",
                        "0",
                        "--warnings",
                        "off",
                        "--ip",
                        "one",
                        "--protocols",
                        "--std",
                        "--fs",
                        "--server-preference",
                        "--vulnerable",
                        "--jsonfile",
                        report.toString(),
                        "localhost:" + port)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target/testssl.txt").toFile())
                .start();
        assertThat(testssl.waitFor(5, TimeUnit.MINUTES)).isTrue();
        JsonNode findings = JsonMapper.builder().build().readTree(report.toFile());
        List<String> ids = new ArrayList<>();
        List<String> weaknesses = new ArrayList<>();
        for (JsonNode finding : findings) {
            ids.add(finding.get("id").asString());
            if (!NO_WEAKNESS.contains(finding.get("severity").asString())) {
                weaknesses.add(finding.get("severity").asString() + " "
                        + finding.get("id").asString() + ": "
                        + finding.get("finding").asString());
            }
        }
        assertThat(ids).contains("TLS1_1", "cipherlist_AVERAGE", "cipher_order", "PFS", "ROBOT", "LUCKY13");
        assertThat(weaknesses).isEmpty();
    }
}
