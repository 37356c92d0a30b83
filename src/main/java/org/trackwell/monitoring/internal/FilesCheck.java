package org.trackwell.monitoring.internal;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.system.ApplicationHome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.monitoring.Check;
import org.trackwell.monitoring.MonitoringProperties;

/**
 * The manifest of the installed files: the running jar and the configuration files, by SHA-256.
 * The first run records it; after that a changed, added or removed file is a finding until an
 * operator accepts the files as they are ({@code check --accept-files}, after an upgrade).
 */
@Component
public class FilesCheck implements IntegrityCheck {

    static final String KIND = "file";

    private final Baselines baselines;
    private final List<Path> watched;

    FilesCheck(Baselines baselines, MonitoringProperties properties) {
        this.baselines = baselines;
        this.watched = watched(properties);
    }

    @Override
    public Check check() {
        return Check.FILES;
    }

    @Override
    @Transactional
    public Outcome run() {
        Map<String, String> now = manifest();
        Map<String, String> accepted = baselines.all(KIND);
        if (accepted.isEmpty()) {
            baselines.replaceAll(KIND, now);
            return Outcome.ok(now.size() + " files recorded as installed");
        }
        List<String> changes = new ArrayList<>();
        now.forEach((path, hash) -> {
            if (!accepted.containsKey(path)) {
                changes.add(path + " added");
            } else if (!accepted.get(path).equals(hash)) {
                changes.add(path + " changed");
            }
        });
        accepted.keySet().stream()
                .filter(path -> !now.containsKey(path))
                .forEach(path -> changes.add(path + " removed"));
        return changes.isEmpty()
                ? Outcome.ok(now.size() + " files as installed")
                : Outcome.finding(String.join("; ", changes.stream().sorted().toList()));
    }

    /** Takes the files as they are now as the installed ones. */
    @Transactional
    public int accept() {
        Map<String, String> now = manifest();
        baselines.replaceAll(KIND, now);
        return now.size();
    }

    Map<String, String> manifest() {
        Map<String, String> manifest = new TreeMap<>();
        for (Path path : watched) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path, 4)) {
                    files.filter(Files::isRegularFile).forEach(file -> manifest.put(file.toString(), sha256(file)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(path)) {
                manifest.put(path.toString(), sha256(path));
            }
        }
        return manifest;
    }

    /** The running jar, when the service runs from one, and the configured files. */
    private static List<Path> watched(MonitoringProperties properties) {
        List<Path> paths = new ArrayList<>();
        Path source = runningJar();
        if (source != null) {
            paths.add(source);
        }
        properties
                .files()
                .forEach(file -> paths.add(Path.of(file).toAbsolutePath().normalize()));
        return List.copyOf(paths);
    }

    private static @Nullable Path runningJar() {
        File source = new ApplicationHome().getSource();
        return source != null && source.getName().endsWith(".jar")
                ? source.toPath().toAbsolutePath().normalize()
                : null;
    }

    static String sha256(Path file) {
        try (DigestInputStream in =
                new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
