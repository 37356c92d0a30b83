package org.trackwell.monitoring.internal;

import java.io.InputStream;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.ResourceUtils;
import org.trackwell.monitoring.Check;
import org.trackwell.monitoring.MonitoringProperties;

/** The TLS certificates the service presents (its key store and any SSL bundles): none may expire within the warning. */
@Component
public class CertificatesCheck implements IntegrityCheck {

    private final Environment environment;
    private final ObjectProvider<SslBundles> bundles;
    private final MonitoringProperties properties;
    private final Clock clock;

    CertificatesCheck(
            Environment environment, ObjectProvider<SslBundles> bundles, MonitoringProperties properties, Clock clock) {
        this.environment = environment;
        this.bundles = bundles;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Check check() {
        return Check.CERTIFICATES;
    }

    @Override
    public Outcome run() {
        List<KeyStore> stores = new ArrayList<>();
        serverKeyStore(stores);
        SslBundles configured = bundles.getIfAvailable();
        if (configured != null) {
            for (String name : configured.getBundleNames()) {
                KeyStore store = configured.getBundle(name).getStores().getKeyStore();
                if (store != null) {
                    stores.add(store);
                }
            }
        }
        if (stores.isEmpty()) {
            return Outcome.notAvailable("no certificate is configured in this process");
        }
        Instant warnFrom = clock.instant().plus(properties.certificateWarning());
        List<String> expiring = new ArrayList<>();
        int count = 0;
        for (KeyStore store : stores) {
            for (X509Certificate certificate : certificates(store)) {
                count++;
                if (certificate.getNotAfter().toInstant().isBefore(warnFrom)) {
                    expiring.add(certificate.getSubjectX500Principal().getName() + " expires "
                            + certificate.getNotAfter().toInstant());
                }
            }
        }
        return expiring.isEmpty()
                ? Outcome.ok(count + " certificates valid for more than "
                        + properties.certificateWarning().toDays() + " days")
                : Outcome.finding(String.join("; ", expiring));
    }

    private void serverKeyStore(List<KeyStore> stores) {
        String location = environment.getProperty("server.ssl.key-store");
        if (location == null) {
            return;
        }
        try (InputStream in = ResourceUtils.getURL(location).openStream()) {
            KeyStore store = KeyStore.getInstance(environment.getProperty("server.ssl.key-store-type", "PKCS12"));
            String password = environment.getProperty("server.ssl.key-store-password", "");
            store.load(in, password.toCharArray());
            stores.add(store);
        } catch (Exception e) {
            throw new IllegalStateException("the server's key store could not be read", e);
        }
    }

    private static List<X509Certificate> certificates(KeyStore store) {
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.getCertificate(alias);
                if (certificate instanceof X509Certificate x509) {
                    certificates.add(x509);
                }
            }
            return certificates;
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
