package org.trackwell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** NullAway checks only @NullMarked code: a package without its package-info.java would go unchecked. */
class NullMarkedTest {

    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void everyPackageOfTheMainSourcesIsNullMarked() throws IOException {
        List<Path> packages;
        try (Stream<Path> walk = Files.walk(MAIN)) {
            packages = walk.filter(Files::isDirectory)
                    .filter(NullMarkedTest::holdsJava)
                    .toList();
        }
        assertThat(packages).isNotEmpty();
        assertThat(packages)
                .filteredOn(directory -> !nullMarked(directory.resolve("package-info.java")))
                .as("packages without a @NullMarked package-info.java")
                .isEmpty();
    }

    private static boolean holdsJava(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean nullMarked(Path packageInfo) {
        try {
            return Files.isRegularFile(packageInfo)
                    && Files.readString(packageInfo).contains("@NullMarked");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
