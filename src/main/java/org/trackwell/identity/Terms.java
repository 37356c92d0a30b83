package org.trackwell.identity;

import java.time.Clock;
import java.time.Instant;
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
    private final TenantTerms tenantTerms;
    private final Clock clock;

    private final AuditTrail trail;

    Terms(TermsRows rows, TenantTerms tenantTerms, Clock clock, AuditTrail trail) {
        this.rows = rows;
        this.tenantTerms = tenantTerms;
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

    /**
     * The terms {@code user} has still to accept: the operator's current version first, then their
     * tenant's own (versions named {@code service-<n>}).
     */
    @Transactional(readOnly = true)
    public Optional<TermsOfUse> toAccept(SignedInUser user) {
        Optional<TermsOfUse> operators = current().filter(terms -> !rows.accepted(user.id(), terms.version()));
        return operators.or(() -> tenantTerms.toAccept(user).map(Terms::asTerms));
    }

    /** The operator's current terms, or else the tenant's own, for a user who has accepted both. */
    @Transactional(readOnly = true)
    public Optional<TermsOfUse> shown(SignedInUser user) {
        return toAccept(user).or(this::current).or(() -> tenantTerms.current().map(Terms::asTerms));
    }

    /** Records that {@code user} accepted {@code version}, which must be a current one. */
    @Transactional
    public void accept(SignedInUser user, String version) {
        Optional<TermsOfUse> operators = current();
        Optional<TenantTermsVersion> tenants = tenantTerms.current();
        if (operators.isEmpty() && tenants.isEmpty()) {
            throw new AccountChangeRefused("There are no terms to accept.");
        }
        if (operators.isPresent() && operators.get().version().equals(version)) {
            rows.accept(CurrentTenant.require(), user.id(), version, clock.instant());
            trail.record(AuditAction.TERMS_ACCEPTED, "terms:" + version, Outcome.SUCCESS);
        } else if (tenants.isPresent() && tenants.get().label().equals(version)) {
            tenantTerms.accept(user, tenants.get());
        } else {
            throw new AccountChangeRefused("Those are not the current terms of use. Please read them again.");
        }
    }

    private static TermsOfUse asTerms(TenantTermsVersion version) {
        return new TermsOfUse(
                version.label(), version.text(), version.publishedAt() == null ? Instant.EPOCH : version.publishedAt());
    }
}
