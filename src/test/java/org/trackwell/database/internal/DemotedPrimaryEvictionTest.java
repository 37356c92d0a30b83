package org.trackwell.database.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.SQLExceptionOverride.Override;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DemotedPrimaryEvictionTest {

    private final DemotedPrimaryEviction eviction = new DemotedPrimaryEviction();

    @Test
    void dropsAConnectionWhoseServerRefusesWritesAsAReplica() {
        assertThat(eviction.adjudicate(new SQLException("read-only transaction", "25006")))
                .isEqualTo(Override.MUST_EVICT);
    }

    @Test
    void leavesOtherFailuresToThePool() {
        assertThat(eviction.adjudicate(new SQLException("duplicate key", "23505")))
                .isEqualTo(Override.CONTINUE_EVICT);
    }
}
