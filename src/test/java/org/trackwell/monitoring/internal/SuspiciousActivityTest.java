package org.trackwell.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trackwell.audit.AuditEntry;
import org.trackwell.monitoring.ActivityRule;
import org.trackwell.monitoring.ActivityRuleSetting;
import org.trackwell.monitoring.ActivityRuleSettings;
import org.trackwell.monitoring.NewAlert;
import org.trackwell.monitoring.WorkingHours;
import org.trackwell.shared.TenantId;

class SuspiciousActivityTest {

    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static final Instant NOON = Instant.parse("2026-07-01T11:00:00Z");
    private static final String ALICE = UUID.randomUUID().toString();

    @Test
    void failedSignInsForOneAccountFireAtTheThresholdWithinTheWindowOnly() {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            entries.add(failure(NOON.minus(Duration.ofMinutes(5 + i))));
        }
        entries.add(failure(NOON.minus(Duration.ofMinutes(30))));
        assertThat(rules(defaults(), entries))
                .noneMatch(alert -> alert.rule().equals("activity:failed-sign-ins-account"));

        entries.add(failure(NOON.minus(Duration.ofMinutes(1))));
        assertThat(rules(defaults(), entries))
                .filteredOn(alert -> alert.rule().equals("activity:failed-sign-ins-account"))
                .singleElement()
                .satisfies(alert -> {
                    assertThat(alert.subject()).isEqualTo("user:" + ALICE);
                    assertThat(alert.what()).contains("5 failed sign-ins for the account of Alice");
                    assertThat(alert.auditEntries()).hasSize(5);
                });
    }

    @Test
    void aRuleTurnedOffNeverFires() {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entries.add(failure(NOON.minus(Duration.ofMinutes(1))));
        }
        ActivityRuleSettings off = new ActivityRuleSettings(
                List.of(
                        new ActivityRuleSetting(ActivityRule.FAILED_SIGN_INS_FOR_ACCOUNT, false, 5, 15),
                        new ActivityRuleSetting(ActivityRule.FAILED_SIGN_INS_FROM_ADDRESS, false, 10, 15)),
                WorkingHours.defaults(),
                ZoneId.of("Europe/London"));

        assertThat(rules(off, entries)).isEmpty();
    }

    @Test
    void manyClientRecordsCountsDifferentClientsNotReads() {
        List<AuditEntry> sameClient = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sameClient.add(read("client:ABC-DEF7", NOON.minusSeconds(i)));
        }
        assertThat(rules(defaults(), sameClient)).isEmpty();

        List<AuditEntry> manyClients = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            manyClients.add(read("client:C-" + i, NOON.minusSeconds(i)));
        }
        assertThat(rules(defaults(), manyClients))
                .singleElement()
                .satisfies(alert -> assertThat(alert.what())
                        .isEqualTo("Alice opened the records of 21 different clients within 10 minutes."));
    }

    @Test
    void workingHoursAreReadInTheServicesTimeZone() {
        // 06:30 UTC in July is 07:30 in London: inside the default hours (07:00 to 22:00).
        assertThat(rules(defaults(), List.of(read("client:A-1", Instant.parse("2026-07-01T06:30:00Z")))))
                .isEmpty();
        assertThat(rules(defaults(), List.of(read("client:A-1", Instant.parse("2026-07-01T05:30:00Z")))))
                .singleElement()
                .satisfies(alert -> {
                    assertThat(alert.rule()).isEqualTo("activity:outside-hours");
                    assertThat(alert.window()).isEqualTo(Duration.ofDays(1));
                });
    }

    private static List<NewAlert> rules(ActivityRuleSettings settings, List<AuditEntry> entries) {
        Instant at = entries.stream()
                .map(AuditEntry::occurredAt)
                .max(Instant::compareTo)
                .orElse(NOON)
                .plus(Duration.ofMinutes(1));
        return new SuspiciousActivity(TENANT, settings, entries, id -> id.equals(ALICE) ? "Alice" : "someone", at)
                .alerts();
    }

    private static ActivityRuleSettings defaults() {
        return new ActivityRuleSettings(List.of(), WorkingHours.defaults(), ZoneId.of("Europe/London"));
    }

    private static AuditEntry failure(Instant at) {
        return new AuditEntry(
                UUID.randomUUID(),
                at,
                "ANONYMOUS",
                null,
                null,
                "sign-in.failed",
                "user:" + ALICE,
                "FAILED",
                "192.0.2.7",
                null);
    }

    private static AuditEntry read(String client, Instant at) {
        return new AuditEntry(
                UUID.randomUUID(), at, "USER", ALICE, "CARER", "client.viewed", client, "SUCCESS", "192.0.2.8", null);
    }
}
