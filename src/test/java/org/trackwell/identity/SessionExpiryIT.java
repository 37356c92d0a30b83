package org.trackwell.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

@TrackwellTest
class SessionExpiryIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    Api api;

    @BeforeEach
    void tenant() {
        api = Api.newTenant(new Https(port), tenants, accounts, "expiry");
    }

    @Test
    void tokenExpiresTwentyMinutesAfterLastUse() {
        String token = api.signInAsAdmin();
        clock.advance(Duration.ofMinutes(19));
        assertThat(api.get("/api/v1/me", token).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(19));
        assertThat(api.get("/api/v1/me", token).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(20));
        assertThat(api.get("/api/v1/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenExpiresTwelveHoursAfterSignInHoweverOftenItIsUsed() {
        String token = api.signInAsAdmin();
        for (int i = 0; i < 71; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(api.get("/api/v1/me", token).statusCode())
                    .as("after %d minutes", (i + 1) * 10)
                    .isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(api.get("/api/v1/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    void tenantMayShortenTheIdleTimeoutButNotExceedTwentyMinutes() {
        String admin = api.signInAsAdmin();
        String shorter = Api.json(java.util.Map.of(
                "minPasswordLength",
                15,
                "passwordHistory",
                5,
                "compositionRules",
                false,
                "lockoutThreshold",
                5,
                "lockoutMinutes",
                15,
                "maxLockoutMinutes",
                1440,
                "idleTimeoutSeconds",
                300));
        assertThat(api.put("/api/v1/security-policy", shorter, admin).statusCode())
                .isEqualTo(200);
        String longer = shorter.replace("300", "1500");
        var refused = api.put("/api/v1/security-policy", longer, admin);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("idle timeout");

        String token = api.signInAsAdmin();
        clock.advance(Duration.ofMinutes(6));
        assertThat(api.get("/api/v1/me", token).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenFromAnotherTenantIsNotAcceptedHere() {
        String token = api.signInAsAdmin();
        Api other = Api.newTenant(new Https(port), tenants, accounts, "elsewhere");
        assertThat(other.get("/api/v1/me", token).statusCode()).isEqualTo(401);
    }
}
