package org.trackwell.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.trackwell.TrackwellApplication;
import org.trackwell.database.TenantTransactions;
import org.trackwell.keys.EncryptedText;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * Scenario 5: sealing and opening a 200-byte field through {@link FieldEncryption} (inside a
 * transaction, as repositories call it), against plain JCE AES-256-GCM in the same JVM; and the
 * cost of a client's first use of their key (created, wrapped, stored and unwrapped).
 */
final class EncryptionScenario {

    private static final String FIELD = "x".repeat(200);

    private EncryptionScenario() {}

    static List<Figure> run(Server server, Bench.Options options) throws Exception {
        Duration duration = options.duration(10);
        try (ConfigurableApplicationContext trackwell = inProcess(server)) {
            FieldEncryption encryption = trackwell.getBean(FieldEncryption.class);
            TenantTransactions transactions = trackwell.getBean(TenantTransactions.class);
            Tenant tenant = trackwell.getBean(Tenants.class).bySlug("bench");
            UUID client = UUID.randomUUID();
            FieldAddress address = FieldAddress.ofClient(tenant.id(), client, "session_note", "text", "row-1");
            Load.Result ours = Load.run(1, duration, () -> transactions.inTenant(tenant.id(), () -> {
                for (int i = 0; i < 1_000; i++) {
                    EncryptedText sealed = encryption.seal(address, FIELD);
                    encryption.open(address, sealed);
                }
                return 0;
            }));
            Load.Result jce = Load.run(1, duration, jceRoundTrips());
            int clients = options.smoke() ? 20 : 200;
            long start = System.nanoTime();
            for (int i = 0; i < clients; i++) {
                FieldAddress first = FieldAddress.ofClient(tenant.id(), UUID.randomUUID(), "client", "name", "row-1");
                transactions.inTenant(tenant.id(), () -> encryption.seal(first, FIELD));
            }
            double coldMillis = (System.nanoTime() - start) / 1e6 / clients;
            return List.of(
                    new Figure("field seal+open, 200 bytes", ours.rate() * 1_000, "pairs/s", "plain JCE AES-256-GCM",
                            jce.rate() * 1_000, "pairs/s"),
                    Figure.alone("first use of a client key", coldMillis, "ms"));
        }
    }

    private static java.util.concurrent.Callable<Integer> jceRoundTrips() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey key = generator.generateKey();
        SecureRandom random = new SecureRandom();
        byte[] plaintext = FIELD.getBytes(StandardCharsets.UTF_8);
        byte[] associated = "trackwell-field-v1 tenant client session_note text row-1".getBytes(StandardCharsets.UTF_8);
        return () -> {
            for (int i = 0; i < 1_000; i++) {
                byte[] iv = new byte[12];
                random.nextBytes(iv);
                Cipher encrypt = Cipher.getInstance("AES/GCM/NoPadding");
                encrypt.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
                encrypt.updateAAD(associated);
                byte[] sealed = encrypt.doFinal(plaintext);
                Cipher decrypt = Cipher.getInstance("AES/GCM/NoPadding");
                decrypt.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
                decrypt.updateAAD(associated);
                decrypt.doFinal(sealed);
            }
            return 0;
        };
    }

    /** Trackwell's own beans in this JVM, on the server's database and key material. */
    private static ConfigurableApplicationContext inProcess(Server server) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("trackwell.data-dir", server.dataDirectory.toString());
        properties.put("trackwell.database.embedded-port", server.databasePort);
        // The server holds the installation's lock; like an operator command, use its database.
        properties.put("trackwell.database.attach-to-running-service", true);
        properties.put("trackwell.operator.first-start", false);
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        if (server.environment.containsKey("TRACKWELL_DATABASE_URL")) {
            properties.put("trackwell.database.url", server.environment.get("TRACKWELL_DATABASE_URL"));
        }
        return new SpringApplicationBuilder(TrackwellApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run();
    }
}
