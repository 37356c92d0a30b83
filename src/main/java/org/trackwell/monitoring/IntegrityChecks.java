package org.trackwell.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.trackwell.audit.AuditTrail;
import org.trackwell.database.TenantTransactions;
import org.trackwell.monitoring.internal.CheckRows;
import org.trackwell.monitoring.internal.FilesCheck;
import org.trackwell.monitoring.internal.IntegrityCheck;
import org.trackwell.monitoring.internal.SchemaCheck;
import org.trackwell.shared.Ids;
import org.trackwell.shared.TenantId;

/**
 * Runs the integrity checks, stores each result, and raises an alert when a check goes from good
 * to a finding or its finding changes. Every node runs them (each has its own installed files);
 * alerts are kept once per finding and day, so several nodes raise one.
 */
@Service
public class IntegrityChecks {

    private static final Logger log = LoggerFactory.getLogger(IntegrityChecks.class);
    static final Duration ALERT_WINDOW = Duration.ofDays(1);

    private final List<IntegrityCheck> checks;
    private final CheckRows rows;
    private final Alerts alerts;
    private final FilesCheck files;
    private final SchemaCheck schema;
    private final TenantTransactions transactions;
    private final Ids ids;
    private final Clock clock;

    IntegrityChecks(
            List<IntegrityCheck> checks,
            CheckRows rows,
            Alerts alerts,
            FilesCheck files,
            SchemaCheck schema,
            TenantTransactions transactions,
            Ids ids,
            Clock clock) {
        this.checks = checks.stream()
                .sorted(Comparator.comparing(IntegrityCheck::check))
                .toList();
        this.rows = rows;
        this.alerts = alerts;
        this.files = files;
        this.schema = schema;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** Runs every check now; a check that fails to run is a finding, never an exception. */
    public synchronized List<CheckResult> runAll() {
        List<CheckResult> results = new ArrayList<>();
        for (IntegrityCheck check : checks) {
            results.add(run(check));
        }
        return results;
    }

    /** Each check's latest result. */
    public List<CheckResult> latest() {
        return inInstallation(rows::latestOfEach);
    }

    /** Takes the installed files as they are now (after an upgrade); returns how many. */
    public int acceptInstalledFiles() {
        return inInstallation(files::accept);
    }

    /** Takes the schema as it is now (a change made on purpose outside a migration); returns how many items. */
    public int acceptSchema() {
        return inInstallation(schema::accept);
    }

    private CheckResult run(IntegrityCheck check) {
        IntegrityCheck.Outcome outcome;
        try {
            outcome = inInstallation(check::run);
        } catch (RuntimeException e) {
            log.warn("The {} check could not run: {}", check.check().title(), e.toString());
            outcome = IntegrityCheck.Outcome.finding(
                    "the check could not run: " + e.getClass().getSimpleName());
        }
        CheckResult result = new CheckResult(check.check(), outcome.status(), outcome.summary(), clock.instant());
        Optional<CheckResult> previous = inInstallation(() -> rows.latest(check.check()));
        inInstallation(() -> {
            rows.insert(ids.next(), result);
            return null;
        });
        boolean news = previous.map(
                        before -> !before.finding() || !before.summary().equals(result.summary()))
                .orElse(true);
        if (result.finding() && news) {
            alert(result, outcome.tenants());
        }
        return result;
    }

    private void alert(CheckResult result, List<TenantId> tenants) {
        String rule = "check:" + result.check().name();
        String what = result.check().title() + ": " + result.summary();
        String subject = subject(result);
        alerts.raise(NewAlert.forOperators(rule, subject, what, result.checkedAt(), ALERT_WINDOW));
        for (TenantId tenant : tenants) {
            alerts.raise(NewAlert.forTenant(
                    tenant, rule, subject, forTenantAdmins(result.check()), result.checkedAt(), ALERT_WINDOW));
        }
    }

    /** Tenant admins read what it means for their service, without the installation's detail. */
    private static String forTenantAdmins(Check check) {
        return check == Check.AUDIT_TRAIL
                ? "The audit trail of this service no longer verifies: an entry was changed, removed or added"
                        + " outside Trackwell. The operators have been alerted and have the details."
                : check.title() + " of the installation need attention. The operators have been alerted.";
    }

    /** The finding itself is the subject, so a new finding is a new alert and a repeated one is not. */
    private static String subject(CheckResult result) {
        String subject = result.check().title() + ": " + result.summary();
        return subject.length() > 300 ? subject.substring(0, 300) : subject;
    }

    private <T> T inInstallation(Supplier<T> work) {
        return transactions.inTenant(AuditTrail.OPERATOR_STREAM, work);
    }
}
