package org.trackwell.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks (bench/run) build against the code as it is: a moved type breaks the build, not the next bench run. */
class BenchCompilesTest {

    @Test
    void theBenchmarksCompileAgainstTheCode(@TempDir Path classes) throws IOException {
        List<String> arguments = new ArrayList<>(
                List.of("-d", classes.toString(), "-proc:none", "-cp", System.getProperty("java.class.path")));
        try (Stream<Path> sources = Files.walk(Path.of("bench/src"))) {
            sources.filter(file -> file.toString().endsWith(".java"))
                    .map(Path::toString)
                    .forEach(arguments::add);
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, errors, arguments.toArray(String[]::new));

        assertThat(exit).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    }
}
