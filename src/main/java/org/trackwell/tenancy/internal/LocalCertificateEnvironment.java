package org.trackwell.tenancy.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.trackwell.shared.DataDirectory;

/**
 * Serves HTTPS out of the box: when no key store or SSL bundle is configured, uses (creating it on
 * first start) a self-signed certificate for {@code localhost} and {@code *.localhost} kept under
 * the data directory. A configured certificate always wins.
 */
public class LocalCertificateEnvironment implements EnvironmentPostProcessor {

    private static final String[] CONFIGURED_TLS = {
        "server.ssl.bundle", "server.ssl.key-store", "server.ssl.certificate"
    };

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("server.ssl.enabled", Boolean.class, true)) {
            return;
        }
        for (String property : CONFIGURED_TLS) {
            if (environment.containsProperty(property)) {
                return;
            }
        }
        Path tls = DataDirectory.openPrivate(Path.of(environment.getProperty("trackwell.data-dir", "./data")))
                .resolve("tls");
        Path keyStore = tls.resolve("localhost.p12");
        Path passwordFile = tls.resolve("localhost.p12.password");
        String password = ensureKeyStore(keyStore, passwordFile);
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "trackwell-local-certificate",
                        Map.of(
                                "server.ssl.key-store",
                                keyStore.toUri().toString(),
                                "server.ssl.key-store-type",
                                "PKCS12",
                                "server.ssl.key-store-password",
                                password,
                                "server.ssl.key-alias",
                                SelfSignedCertificate.ALIAS)));
    }

    private static String ensureKeyStore(Path keyStore, Path passwordFile) {
        try {
            if (Files.exists(keyStore) && Files.exists(passwordFile)) {
                return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(passwordFile.getParent());
            Files.setPosixFilePermissions(passwordFile.getParent(), PosixFilePermissions.fromString("rwx------"));
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            SelfSignedCertificate.write(keyStore, password.toCharArray(), "localhost", "*.localhost");
            Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
