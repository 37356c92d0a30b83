package org.trackwell.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.PageSession;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/** Each changed setting is recorded with its old and new value, whether through the API or a page; a refusal records none. */
@TrackwellTest
class SettingChangesIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Test
    void recordsEachChangedSettingWithItsOldAndNewValueAndNothingForARefusal() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "settingaudit");
        String admin = api.signInAsAdmin();

        Map<String, Object> policy = Map.of(
                "minPasswordLength", 16,
                "passwordHistory", 5,
                "compositionRules", false,
                "lockoutThreshold", 5,
                "lockoutMinutes", 15,
                "maxLockoutMinutes", 1440,
                "idleTimeoutSeconds", 600);
        assertThat(api.put("/api/v1/security-policy", Api.json(policy), admin).statusCode())
                .isEqualTo(200);
        Map<String, Object> tooShort = new java.util.HashMap<>(policy);
        tooShort.put("minPasswordLength", 9);
        assertThat(api.put("/api/v1/security-policy", Api.json(tooShort), admin).statusCode())
                .isEqualTo(400);
        assertThat(api.put(
                                "/api/v1/client-settings",
                                Api.json(Map.of(
                                        "identifiers", List.of("NHS_NUMBER"),
                                        "demographics", List.of("GENDER"),
                                        "openCaseCap", 30)),
                                admin)
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.put(
                                "/api/v1/medication-settings",
                                Api.json(Map.of(
                                        "timeZone", "Europe/Dublin",
                                        "toleranceMinutes", 45,
                                        "prnEffectMinutes", 60,
                                        "lowStockDays", 7,
                                        "expiryWarningDays", 30)),
                                admin)
                        .statusCode())
                .isEqualTo(200);
        PageSession page = PageSession.signedIn(api, api.adminEmail(), Api.GOOD_PASSWORD);
        page.submit("/admin/settings/medication", "timeZone", "Nowhere/Atlantis", "toleranceMinutes", "30");

        assertThat(settingChanges(api))
                .containsExactlyInAnyOrder(
                        "security-policy.min-password-length:15->16",
                        "security-policy.idle-timeout-minutes:20->10",
                        "client-settings.identifiers:->NHS_NUMBER",
                        "client-settings.demographics:"
                                + "AGE_BAND,CURRENT_MEDICATION,DISABILITY,EMPLOYMENT,ETHNICITY,FIRST_LANGUAGE,"
                                + "GENDER,LIVING_ARRANGEMENTS,PRESENTING_PROBLEMS,REFERRAL_SOURCE,"
                                + "SEXUAL_ORIENTATION,YEAR_OF_BIRTH->GENDER",
                        "client-settings.open-case-cap:->30",
                        "medication-settings.time-zone:Europe/London->Europe/Dublin",
                        "medication-settings.tolerance-minutes:60->45");
        assertThat(page.get("/admin/settings/changes").body())
                .contains("Medication settings: time zone")
                .contains("Europe/Dublin")
                .contains("Security policy: idle timeout minutes");
    }

    private static List<String> settingChanges(Api api) {
        return JdbcClient.create(TestPostgres.asSuperuser())
                .sql("select target from audit_event where tenant_id = :t and action = 'setting.changed'")
                .param("t", api.tenant().id().value())
                .query(String.class)
                .list();
    }
}
