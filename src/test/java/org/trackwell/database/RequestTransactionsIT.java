package org.trackwell.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

@TrackwellTest
class RequestTransactionsIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MeterRegistry meters;

    @Test
    void aSignedInRequestOpensOneTransactionFromItsSessionToItsAuditEntry() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "one-transaction");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "One transaction");
        String practitioner = api.signIn(api.newUserInTeam(admin, "Pat One", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
        String code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), practitioner))
                .get("code")
                .asString();

        assertThat(fewestTransactions(() -> api.get("/api/v1/clients/" + code, practitioner)))
                .isEqualTo(1);
        assertThat(fewestTransactions(() -> api.get("/api/v1/clients", practitioner)))
                .isEqualTo(1);
        assertThat(fewestTransactions(() -> api.get("/api/v1/me", practitioner)))
                .isEqualTo(1);
    }

    /** The fewest of five tries, as the service's background jobs begin transactions of their own. */
    private long fewestTransactions(Supplier<HttpResponse<String>> request) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            double before = begun();
            assertThat(request.get().statusCode()).isEqualTo(200);
            fewest = Math.min(fewest, Math.round(begun() - before));
        }
        return fewest;
    }

    private double begun() {
        return meters.get("trackwell.database.transactions").counter().count();
    }
}
