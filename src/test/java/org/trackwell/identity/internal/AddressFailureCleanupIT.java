package org.trackwell.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;

@TrackwellTest
class AddressFailureCleanupIT {

    @Autowired
    AddressFailureCleanup cleanup;

    @Autowired
    SignInRecords records;

    @Autowired
    MutableClock clock;

    @Test
    void forgetsFailuresOnceTheyAreOutsideTheWindow() {
        JdbcClient superuser = JdbcClient.create(TestPostgres.asSuperuser());
        records.countAttempt("192.0.2.7", clock.instant(), clock.instant().minusSeconds(600));
        cleanup.forgetOldFailures();
        assertThat(count(superuser)).isEqualTo(1);
        clock.advance(Duration.ofMinutes(11));
        cleanup.forgetOldFailures();
        assertThat(count(superuser)).isZero();
    }

    private static long count(JdbcClient superuser) {
        return superuser
                .sql("select count(*) from sign_in_failure_by_address where address = '192.0.2.7'")
                .query(Long.class)
                .single();
    }
}
