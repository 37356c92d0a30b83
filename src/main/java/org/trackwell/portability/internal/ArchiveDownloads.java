package org.trackwell.portability.internal;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditContext;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.identity.Passwords;
import org.trackwell.identity.SignedInUser;
import org.trackwell.portability.ArchiveContents;
import org.trackwell.portability.TenantArchive;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.ServiceTimeZone;
import org.trackwell.shared.StepUp;

/**
 * A tenant admin taking the whole tenant away: only just after confirming who they are, with a
 * password that passes the same strength rules as a sign-in password, and at most one archive in
 * {@link #INTERVAL} for the tenant (each one reads every row it holds).
 */
@Service
public class ArchiveDownloads {

    static final Duration INTERVAL = Duration.ofMinutes(10);

    private final TenantArchive archive;
    private final Passwords passwords;
    private final StepUp stepUp;
    private final AuditTrail trail;
    private final Clock clock;
    private final ServiceTimeZone zone;

    ArchiveDownloads(
            TenantArchive archive,
            Passwords passwords,
            StepUp stepUp,
            AuditTrail trail,
            Clock clock,
            ServiceTimeZone zone) {
        this.zone = zone;
        this.archive = archive;
        this.passwords = passwords;
        this.stepUp = stepUp;
        this.trail = trail;
        this.clock = clock;
    }

    /** Checks the request, then streams the archive to the stream {@code out} gives once the checks pass. */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public ArchiveContents download(SignedInUser user, String password, Supplier<OutputStream> out) {
        stepUp.requireRecentConfirmation();
        List<String> failures = passwords.check(user, password);
        if (!failures.isEmpty()) {
            refused();
            throw ArchiveRefused.weakPassword(failures);
        }
        Instant now = clock.instant();
        trail.lastRecorded(AuditAction.TENANT_ARCHIVE_EXPORTED)
                .map(last -> last.plus(INTERVAL))
                .filter(next -> next.isAfter(now))
                .ifPresent(next -> {
                    refused();
                    throw ArchiveRefused.tooSoon(Duration.between(now, next).toSeconds() + 1);
                });
        return archive.write(CurrentTenant.require(), password, out.get());
    }

    /** What the download is called: the service's date today, in its time zone. */
    public String fileName() {
        return "trackwell-archive-" + clock.instant().atZone(zone.zone()).toLocalDate() + ".zip.gpg";
    }

    private void refused() {
        trail.recordSeparately(AuditContext.actor(), AuditAction.TENANT_ARCHIVE_REFUSED, null, Outcome.DENIED);
    }
}
