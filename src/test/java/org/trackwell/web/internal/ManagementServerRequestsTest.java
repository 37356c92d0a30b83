package org.trackwell.web.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.trackwell.shared.StartRefused;

class ManagementServerRequestsTest {

    private static MockEnvironment management(String port, String address) {
        return new MockEnvironment()
                .withProperty("server.port", "8443")
                .withProperty("management.server.port", port)
                .withProperty("management.server.address", address);
    }

    @Test
    void servesMetricsOnTheLoopback() {
        for (String address : new String[] {"127.0.0.1", "::1", "localhost"}) {
            assertThatCode(() -> ManagementServerRequests.refuseUnsafe(management("8081", address)))
                    .as(address)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void refusesTheMainPortWhereEveryTenantsHostWouldReachIt() {
        assertThatThrownBy(() -> ManagementServerRequests.refuseUnsafe(management("8443", "127.0.0.1")))
                .isInstanceOf(StartRefused.class)
                .hasMessageContaining("main HTTPS port");
    }

    @Test
    void refusesAnyOtherAddressWithoutTls() {
        for (String address : new String[] {"0.0.0.0", "10.1.2.3", ""}) {
            assertThatThrownBy(() -> ManagementServerRequests.refuseUnsafe(management("8081", address)))
                    .as(address)
                    .isInstanceOf(StartRefused.class)
                    .hasMessageContaining("without TLS");
        }
    }

    @Test
    void servesAnyAddressWithTls() {
        assertThatCode(() -> ManagementServerRequests.refuseUnsafe(
                        management("8081", "10.1.2.3").withProperty("management.server.ssl.enabled", "true")))
                .doesNotThrowAnyException();
    }

    @Test
    void servesNothingWhenTurnedOff() {
        assertThatCode(() -> ManagementServerRequests.refuseUnsafe(management("-1", "0.0.0.0")))
                .doesNotThrowAnyException();
    }
}
