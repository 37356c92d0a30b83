package org.trackwell.operator.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.operator.HealthReport;
import org.trackwell.operator.OperatorHealth;

/** The detailed health, for signed-in operators only: counts and states, never tenant content. */
@RestController
class OperatorHealthApi {

    private final OperatorHealth health;

    OperatorHealthApi(OperatorHealth health) {
        this.health = health;
    }

    @GetMapping("/api/v1/operator/health")
    @PreAuthorize("hasRole('OPERATOR')")
    HealthReport health() {
        return health.report();
    }
}
