package org.trackwell.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.identity.internal.TenantTermsRows;
import org.trackwell.shared.CurrentTenant;

/**
 * A tenant's own terms of use, besides the operator's for every tenant ({@link Terms}). A tenant
 * starts with Trackwell's default terms as version 1; its admins publish new versions, never edit
 * an old one, and every user accepts the current version before anything else at their next
 * request. With {@code trackwell.identity.default-terms=false} a tenant has no terms of its own
 * until an admin publishes some (the tests' setting, so that their users need not accept any).
 */
@Service
public class TenantTerms {

    public static final int MAX_LENGTH = 50_000;

    private static final String DEFAULT_TEXT = read("/identity/default-terms.txt");

    private final TenantTermsRows rows;
    private final IdentityProperties properties;
    private final Accounts accounts;
    private final Clock clock;
    private final AuditTrail trail;

    TenantTerms(TenantTermsRows rows, IdentityProperties properties, Accounts accounts, Clock clock, AuditTrail trail) {
        this.rows = rows;
        this.properties = properties;
        this.accounts = accounts;
        this.clock = clock;
        this.trail = trail;
    }

    /** The version every user of the current tenant must have accepted, if the tenant has terms. */
    @Transactional(readOnly = true)
    public Optional<TenantTermsVersion> current() {
        return rows.latest().map(TenantTerms::of).or(this::defaults);
    }

    /** Every version, newest first, with who published it (the default last). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public List<TenantTermsVersion> versions() {
        List<TenantTermsVersion> versions = new ArrayList<>();
        Map<String, String> names = new java.util.HashMap<>();
        accounts.list().forEach(user -> names.put(user.id().value().toString(), user.displayName()));
        for (TenantTermsRows.Version stored : rows.versions(500)) {
            TenantTermsVersion version = of(stored);
            versions.add(new TenantTermsVersion(
                    version.version(),
                    version.text(),
                    version.publishedAt(),
                    names.getOrDefault(stored.publishedBy().value().toString(), "someone no longer listed")));
        }
        defaults().ifPresent(versions::add);
        return versions;
    }

    /**
     * Publishes a new version: every other user accepts it before doing anything else; the admin
     * who publishes it accepts it by doing so.
     */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public TenantTermsVersion publish(SignedInUser admin, String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
            throw new AccountChangeRefused("The terms need some text, at most " + MAX_LENGTH + " characters.");
        }
        Optional<TenantTermsVersion> before = current();
        if (before.isPresent() && before.get().text().strip().equals(trimmed)) {
            throw new AccountChangeRefused("These are the current terms, unchanged: there is nothing new to publish.");
        }
        int number = rows.latest().map(TenantTermsRows.Version::number).orElse(TenantTermsVersion.DEFAULT_VERSION) + 1;
        TenantTermsRows.Version stored = new TenantTermsRows.Version(number, trimmed, clock.instant(), admin.id());
        rows.publish(CurrentTenant.require(), stored);
        trail.record(AuditAction.TERMS_PUBLISHED, "terms:" + TenantTermsVersion.label(number), Outcome.SUCCESS);
        // The admin who wrote and published them has read them: they go on without a detour.
        accept(admin, of(stored));
        trail.recordSettingChanges(
                "terms-of-use",
                Map.of("version", before.map(v -> String.valueOf(v.version())).orElse("")),
                Map.of("version", String.valueOf(number)));
        return of(stored);
    }

    /** Whether {@code user} still has to accept the current version. */
    @Transactional(readOnly = true)
    public Optional<TenantTermsVersion> toAccept(SignedInUser user) {
        return current().filter(version -> !rows.accepted(user.id(), version.version()));
    }

    @Transactional
    void accept(SignedInUser user, TenantTermsVersion version) {
        rows.accept(CurrentTenant.require(), user.id(), version.version(), clock.instant());
        trail.record(AuditAction.TERMS_ACCEPTED, "terms:" + version.label(), Outcome.SUCCESS);
    }

    private Optional<TenantTermsVersion> defaults() {
        return properties.defaultTerms()
                ? Optional.of(new TenantTermsVersion(TenantTermsVersion.DEFAULT_VERSION, DEFAULT_TEXT, null, null))
                : Optional.empty();
    }

    private static TenantTermsVersion of(TenantTermsRows.Version stored) {
        return new TenantTermsVersion(stored.number(), stored.text(), stored.publishedAt(), null);
    }

    private static String read(String resource) {
        try (InputStream in = Objects.requireNonNull(
                TenantTerms.class.getResourceAsStream(resource), "the default terms are in the jar")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
