package org.trackwell.identity;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.identity.internal.TermsRows;
import org.trackwell.shared.CurrentTenant;

/**
 * The terms of use: the operator publishes versions; a user must accept the current version
 * before anything else after signing in, and each acceptance is recorded with its time.
 */
@Service
public class Terms {

    private final TermsRows rows;
    private final Clock clock;

    private final AuditTrail trail;

    Terms(TermsRows rows, Clock clock, AuditTrail trail) {
        this.rows = rows;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional
    public TermsOfUse publish(String version, String text) {
        if (version.isBlank() || version.length() > 50 || text.isBlank()) {
            throw new AccountChangeRefused("Terms need a version of 1 to 50 characters and some text.");
        }
        if (rows.published(version)) {
            throw new AccountChangeRefused("Version " + version + " is already published.");
        }
        TermsOfUse terms = new TermsOfUse(version, text, clock.instant());
        rows.publish(terms);
        trail.record(AuditAction.TERMS_PUBLISHED, "terms:" + version, Outcome.SUCCESS);
        return terms;
    }

    @Transactional(readOnly = true)
    public Optional<TermsOfUse> current() {
        return rows.current();
    }

    /** Records that {@code user} accepted {@code version}, which must be the current one. */
    @Transactional
    public void accept(SignedInUser user, String version) {
        TermsOfUse current = current().orElseThrow(() -> new AccountChangeRefused("There are no terms to accept."));
        if (!current.version().equals(version)) {
            throw new AccountChangeRefused("Those are not the current terms of use. Please read them again.");
        }
        rows.accept(CurrentTenant.require(), user.id(), version, clock.instant());
        trail.record(AuditAction.TERMS_ACCEPTED, "terms:" + version, Outcome.SUCCESS);
    }
}
