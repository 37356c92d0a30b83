package org.trackwell.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.database.TenantTransactions;
import org.trackwell.erasure.internal.Retention;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TestMail;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * Retention from the outside: an adult's record past its years is listed and e-mailed to the
 * admins, a child's is not; an extension with a reason keeps it; with automatic erasure on, the
 * daily run files the request, which still waits for an admin's approval.
 */
@TrackwellTest
class RetentionIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    Retention retention;

    @Test
    void aRecordPastItsRetentionIsListedAndMailedCanBeKeptLongerAndIsFiledWhenAutomatic() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "retention");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Riverside");
        String practitionerEmail = api.newUserInTeam(admin, "Pat Practitioner", team, "PRACTITIONER");
        String practitioner = api.signIn(practitionerEmail, Api.GOOD_PASSWORD);
        ok(api.put(
                "/api/v1/client-settings",
                Api.json(Map.of("identifiers", List.of(), "demographics", List.of("YEAR_OF_BIRTH"))),
                admin));
        String adult = newClient(api, practitioner, Map.of("teamId", team));
        int thisYear = LocalDate.now(ZoneOffset.UTC).getYear();
        String child = newClient(
                api, practitioner, Map.of("teamId", team, "demographics", Map.of("YEAR_OF_BIRTH", thisYear - 10)));
        assertThat(api.put(
                                "/api/v1/retention-settings",
                                Api.json(Map.of("adultYears", 0, "childUntilAge", 25, "automatic", false)),
                                admin)
                        .statusCode())
                .isEqualTo(400);

        clock.advance(Duration.ofDays(8 * 366 + 2));
        List<String> due = daily(api);
        assertThat(due).contains(adult).doesNotContain(child);
        assertThat(TestMail.text(TestMail.to(api.adminEmail()).getLast()))
                .contains(adult)
                .contains("adult record")
                .doesNotContain(child);

        admin = api.signInAsAdmin();
        JsonNode listed = Api.read(ok(api.get("/api/v1/retention/due", admin)));
        assertThat(listed.findValuesAsString("client")).containsExactly(adult);
        assertThat(listed.get(0).get("child").asBoolean()).isFalse();
        String inAYear = LocalDate.now(clock).plusYears(1).toString();
        assertThat(api.post(
                                "/api/v1/retention/extensions",
                                Api.json(Map.of("client", adult, "until", inAYear, "reason", "")),
                                admin)
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/retention/extensions",
                                Api.json(Map.of(
                                        "client", adult, "until", inAYear, "reason", "A complaint about it is open")),
                                admin)
                        .statusCode())
                .isEqualTo(204);
        assertThat(daily(api)).isEmpty();

        ok(api.put(
                "/api/v1/retention-settings",
                Api.json(Map.of("adultYears", 8, "childUntilAge", 25, "automatic", true)),
                admin));
        clock.advance(Duration.ofDays(368));
        assertThat(daily(api)).containsExactly(adult);
        admin = api.signInAsAdmin();
        JsonNode filed = Api.read(ok(api.get("/api/v1/erasures", admin)));
        assertThat(filed.get(0).get("client").asString()).isEqualTo(adult);
        assertThat(filed.get(0).get("stage").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(daily(api))
                .as("a client with an open request is not listed again")
                .isEmpty();
        assertThat(ok(api.post("/api/v1/erasures/" + filed.get(0).get("number").asInt() + "/approve", "", admin))
                        .body())
                .contains("IN_GRACE");
        assertThat(api.auditActions())
                .contains("retention.extended", "retention.due-viewed", "setting.changed", "erasure.requested");
    }

    private List<String> daily(Api api) {
        return transactions.inTenant(
                api.tenant().id(),
                () -> retention.daily().stream()
                        .map(due -> due.client().code().toString())
                        .toList());
    }

    private static String newClient(Api api, String token, Map<String, Object> body) {
        return Api.read(ok(api.post("/api/v1/clients", Api.json(body), token)))
                .get("code")
                .asString();
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response;
    }
}
