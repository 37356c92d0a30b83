package org.trackwell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The service runs with the JVM flags that bin/start, the bench and the tests' processes use. */
class JavaOptionsTest {

    @Test
    void theSystemdUnitStartsTheJvmWithTheFlagsOfBinJavaOptions() throws IOException {
        String flags = String.join(
                " ",
                Files.readAllLines(Path.of("bin/java-options")).stream()
                        .filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .toList());
        Matcher unit = Pattern.compile("Environment=\"JAVA_OPTS=([^\"]*)\"")
                .matcher(Files.readString(Path.of("deploy/trackwell.service")));

        assertThat(unit.find()).isTrue();
        assertThat(unit.group(1)).isEqualTo(flags);
    }
}
