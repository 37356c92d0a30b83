package org.trackwell.monitoring.internal;

import java.util.List;
import org.trackwell.monitoring.Check;
import org.trackwell.monitoring.CheckStatus;
import org.trackwell.shared.TenantId;

/** One integrity check. It says what it found in words and never throws for a finding. */
public interface IntegrityCheck {

    Check check();

    Outcome run();

    /**
     * @param tenants the tenants a finding concerns, whose admins are alerted as well as the operators
     */
    record Outcome(CheckStatus status, String summary, List<TenantId> tenants) {

        public static Outcome ok(String summary) {
            return new Outcome(CheckStatus.OK, summary, List.of());
        }

        public static Outcome finding(String summary) {
            return new Outcome(CheckStatus.FINDING, summary, List.of());
        }

        public static Outcome notAvailable(String summary) {
            return new Outcome(CheckStatus.NOT_AVAILABLE, summary, List.of());
        }
    }
}
