package org.trackwell.web.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.trackwell.database.DatabaseHealth;

/**
 * The management server's health is the same answer as {@code /health}: the database took a real
 * write within the last few seconds and the data disk is not nearly full. Nothing more is shown.
 */
@Component("database")
class ReadinessIndicator implements HealthIndicator {

    private final DatabaseHealth database;

    ReadinessIndicator(DatabaseHealth database) {
        this.database = database;
    }

    @Override
    public Health health() {
        return database.readiness().ready()
                ? Health.up().build()
                : Health.down().build();
    }
}
