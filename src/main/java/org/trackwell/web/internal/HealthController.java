package org.trackwell.web.internal;

import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.database.DatabaseHealth;

/**
 * For load balancers, supervisors and uptime checks, on any host: up or down, nothing more. The
 * paths follow Spring Boot Actuator's probes: liveness (the process answers; restart it if not)
 * and readiness (it can serve: the database took a real write in the last few seconds and the data
 * disk is not nearly full). {@code /health} is readiness.
 */
@RestController
class HealthController {

    private final DatabaseHealth database;

    HealthController(DatabaseHealth database) {
        this.database = database;
    }

    @GetMapping({"/health", "/health/readiness"})
    ResponseEntity<Map<String, String>> readiness() {
        return status(database.readiness().ready());
    }

    @GetMapping("/health/liveness")
    ResponseEntity<Map<String, String>> liveness() {
        return status(true);
    }

    private static ResponseEntity<Map<String, String>> status(boolean up) {
        return ResponseEntity.status(up ? 200 : 503)
                .cacheControl(CacheControl.noStore())
                .body(Map.of("status", up ? "UP" : "DOWN"));
    }
}
