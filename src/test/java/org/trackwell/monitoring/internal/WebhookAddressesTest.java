package org.trackwell.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trackwell.audit.AuditTrail;
import org.trackwell.monitoring.MonitoringProperties;
import org.trackwell.shared.TenantId;

class WebhookAddressesTest {

    private static final TenantId TENANT = new TenantId(UUID.randomUUID());

    private final WebhookAddresses tenantsOnly = new WebhookAddresses(properties(false));
    private final WebhookAddresses withLoopback = new WebhookAddresses(properties(true));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://10.0.0.1/hook",
                "https://172.16.5.4/hook",
                "https://192.168.1.1/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://100.64.1.1/hook",
                "https://0.0.0.0/hook",
                "https://127.0.0.1:8081/actuator/prometheus",
                "https://[::1]/hook",
                "https://[fd00::1]/hook",
                "https://[fe80::1]/hook",
                "https://[64:ff9b::a00:1]/hook",
                "https://[::ffff:10.0.0.1]/hook",
                "https://224.0.0.1/hook"
            })
    void aTenantsWebhookNeverPostsToThisMachineOrAPrivateNetwork(String address) {
        assertThat(tenantsOnly.refusal(URI.create(address), TENANT))
                .contains("it is on this machine or a private network");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://93.184.216.34/hook",
                "https://[2606:4700::1111]/hook",
                "https://[64:ff9b::5db8:d822]/hook"
            })
    void aTenantsWebhookPostsToThePublicInternet(String address) {
        assertThat(tenantsOnly.refusal(URI.create(address), TENANT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.0.0.1/hook", "https://127.0.0.1/hook"})
    void theOperatorsOwnWebhooksGoWhereTheyRunThem(String address) {
        assertThat(tenantsOnly.refusal(URI.create(address), AuditTrail.OPERATOR_STREAM))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://[::1]/hook"})
    void loopbackOnlyWhereTheInstallationAllowsIt(String address) {
        assertThat(withLoopback.refusal(URI.create(address), TENANT)).isEmpty();
        assertThat(withLoopback.refusal(URI.create("https://10.0.0.1/hook"), TENANT))
                .isPresent();
    }

    private static MonitoringProperties properties(boolean loopback) {
        return new MonitoringProperties(
                "-",
                false,
                List.of(),
                Duration.ofDays(7),
                Duration.ofHours(26),
                Duration.ofDays(30),
                8,
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                loopback,
                "-",
                20,
                Duration.ofMinutes(15));
    }
}
