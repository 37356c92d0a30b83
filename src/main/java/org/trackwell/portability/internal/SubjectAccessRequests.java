package org.trackwell.portability.internal;

import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditContext;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Clients;
import org.trackwell.identity.Passwords;
import org.trackwell.identity.SignedInUser;
import org.trackwell.shared.StepUp;

/**
 * A subject access request: a tenant admin, just after confirming who they are, takes everything
 * held about one client (named by pseudonym code) as an archive encrypted with a password that
 * passes the sign-in password rules. At most one in {@link #INTERVAL} for the tenant.
 */
@Service
public class SubjectAccessRequests {

    static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Clients clients;
    private final SubjectAccessReport report;
    private final Passwords passwords;
    private final StepUp stepUp;
    private final AuditTrail trail;
    private final Clock clock;
    private final SecureRandom random;

    SubjectAccessRequests(
            Clients clients,
            SubjectAccessReport report,
            Passwords passwords,
            StepUp stepUp,
            AuditTrail trail,
            Clock clock,
            SecureRandom random) {
        this.clients = clients;
        this.report = report;
        this.passwords = passwords;
        this.stepUp = stepUp;
        this.trail = trail;
        this.clock = clock;
        this.random = random;
    }

    /** Checks the request, then writes the archive to the stream {@code out} gives once the checks pass. */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    @Transactional
    public void produce(SignedInUser user, String code, String password, Supplier<OutputStream> out) {
        stepUp.requireRecentConfirmation();
        ClientRef client = clients.byCode(code.strip()).orElseThrow(() -> refused(SubjectAccessRefused.noSuchClient()));
        List<String> failures = passwords.check(user, password);
        if (!failures.isEmpty()) {
            throw refused(SubjectAccessRefused.weakPassword(failures));
        }
        Instant now = clock.instant();
        trail.lastRecorded(AuditAction.SUBJECT_ACCESS_PRODUCED)
                .map(last -> last.plus(INTERVAL))
                .filter(next -> next.isAfter(now))
                .ifPresent(next -> {
                    throw refused(SubjectAccessRefused.tooSoon(
                            Duration.between(now, next).toSeconds() + 1));
                });
        try (EncryptedArchive archive =
                new EncryptedArchive(out.get(), password, "subject-access-" + client.code() + ".zip", now, random)) {
            report.write(client, now, archive);
        }
        trail.record(AuditAction.SUBJECT_ACCESS_PRODUCED, client.auditTarget(), Outcome.SUCCESS);
    }

    private SubjectAccessRefused refused(SubjectAccessRefused refusal) {
        trail.recordSeparately(AuditContext.actor(), AuditAction.SUBJECT_ACCESS_REFUSED, null, Outcome.DENIED);
        return refusal;
    }
}
