package org.trackwell.erasure.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Clients;
import org.trackwell.clients.IdentifyingTextGuard;
import org.trackwell.clients.RetentionFacts;
import org.trackwell.identity.AccountStatus;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.mail.Mailer;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.ServiceTimeZone;

/**
 * Retention: which clients' records the tenant's settings no longer keep, the daily list of them
 * by e-mail to the tenant admins, extensions of one record with a reason, and, when the tenant
 * turns it on, erasure requests filed by the job, which a tenant admin still approves.
 */
@Service
public class Retention {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final int ADULT_AGE = 18;

    private final RetentionRows rows;
    private final ErasureRows erasures;
    private final ErasureRequests requests;
    private final Clients clients;
    private final Accounts accounts;
    private final IdentifyingTextGuard guard;
    private final FieldEncryption encryption;
    private final Mailer mailer;
    private final AuditTrail trail;
    private final ServiceTimeZone zone;
    private final Clock clock;

    Retention(
            RetentionRows rows,
            ErasureRows erasures,
            ErasureRequests requests,
            Clients clients,
            Accounts accounts,
            IdentifyingTextGuard guard,
            FieldEncryption encryption,
            Mailer mailer,
            AuditTrail trail,
            ServiceTimeZone zone,
            Clock clock) {
        this.rows = rows;
        this.erasures = erasures;
        this.requests = requests;
        this.clients = clients;
        this.accounts = accounts;
        this.guard = guard;
        this.encryption = encryption;
        this.mailer = mailer;
        this.trail = trail;
        this.zone = zone;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public RetentionSettings settings() {
        return rows.settings().orElseGet(RetentionSettings::defaults);
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void change(RetentionSettings settings) {
        if (settings.adultYears() < 1 || settings.adultYears() > 100) {
            throw ErasureRefused.invalid("Keep adults' records between 1 and 100 years after the last contact.");
        }
        if (settings.childUntilAge() < 18 || settings.childUntilAge() > 100) {
            throw ErasureRefused.invalid("Keep children's records until an age between 18 and 100.");
        }
        RetentionSettings before = settings();
        rows.save(CurrentTenant.require(), settings);
        trail.recordSettingChanges("retention", before.asSettings(), settings.asSettings());
    }

    /** The clients due for erasure today, for the admins' page; listing them is recorded. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public List<DueClient> due() {
        trail.record(AuditAction.RETENTION_DUE_VIEWED, null, Outcome.SUCCESS);
        return dueToday();
    }

    /** Keeps one client's record until a later date, with a reason (sealed under the client's key). */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void extend(SignedInUser user, String code, LocalDate until, String reason, boolean acknowledgeIdentifying) {
        String why = reason.strip();
        if (why.isEmpty() || why.length() > 2_000) {
            throw ErasureRefused.invalid("Give the reason to keep the record longer, in at most 2,000 characters.");
        }
        if (!until.isAfter(today())) {
            throw ErasureRefused.invalid("Keep the record until a date after today.");
        }
        ClientRef client = clients.byCode(code.strip()).orElseThrow(ErasureRefused::noSuchClient);
        guard.check(why, acknowledgeIdentifying, client.auditTarget());
        rows.extend(
                CurrentTenant.require(),
                client.id(),
                until,
                encryption.seal(
                        FieldAddress.ofClient(
                                CurrentTenant.require(),
                                client.id(),
                                "retention_extension",
                                "reason",
                                client.id().toString()),
                        why),
                user.id().value(),
                clock.instant());
        trail.record(AuditAction.RETENTION_EXTENDED, client.auditTarget(), Outcome.SUCCESS);
    }

    /**
     * The daily run in the current tenant: files erasure requests for the due clients when the
     * tenant chose so, and e-mails the list to its tenant admins. Returns the clients due.
     */
    @Transactional
    public List<DueClient> daily() {
        List<DueClient> due = dueToday();
        if (due.isEmpty()) {
            return due;
        }
        boolean automatic = settings().automatic();
        if (automatic) {
            due.forEach(client -> requests.fileForRetention(
                    client.client(), "The retention period ended on " + day(client.dueOn()) + "."));
        }
        tellAdmins(due, automatic);
        return due;
    }

    private List<DueClient> dueToday() {
        RetentionSettings settings = settings();
        LocalDate today = today();
        Map<UUID, LocalDate> extended = rows.extensions();
        List<DueClient> due = new ArrayList<>();
        for (RetentionFacts facts : clients.retentionFacts()) {
            DueClient rule = rule(facts, settings);
            LocalDate until = extended.get(facts.client().id());
            LocalDate dueOn = until != null && until.isAfter(rule.dueOn()) ? until : rule.dueOn();
            if (!dueOn.isAfter(today) && !erasures.openFor(facts.client().id())) {
                due.add(new DueClient(rule.client(), rule.child(), rule.lastContact(), dueOn));
            }
        }
        return due;
    }

    /**
     * A child's record (under 18 at the last contact, when the year of birth is recorded) is kept
     * until the birthday the settings give, a year longer for someone 17 at the last contact; with
     * only the year of birth, the birthday is taken as the last day of that year, so never early.
     */
    static DueClient rule(RetentionFacts facts, RetentionSettings settings) {
        Integer born = facts.yearOfBirth();
        int ageAtLastContact = born == null ? ADULT_AGE : facts.lastContact().getYear() - born;
        if (born != null && ageAtLastContact < ADULT_AGE) {
            int age = settings.childUntilAge() + (ageAtLastContact >= 17 ? 1 : 0);
            return new DueClient(facts.client(), true, facts.lastContact(), LocalDate.of(born + age + 1, 1, 1));
        }
        return new DueClient(
                facts.client(), false, facts.lastContact(), facts.lastContact().plusYears(settings.adultYears()));
    }

    private void tellAdmins(List<DueClient> due, boolean filed) {
        String lines = due.stream()
                .map(client -> "- " + client.client().code() + " (" + (client.child() ? "child's" : "adult")
                        + " record, last contact " + day(client.lastContact()) + ")")
                .collect(Collectors.joining("\n"));
        String text = due.size() + " client records are due for erasure under your retention settings:\n\n" + lines
                + "\n\n"
                + (filed
                        ? "Trackwell has asked for their erasure; a tenant admin must approve each request on the"
                                + " Erasure requests page before anything is erased."
                        : "On the Retention page, ask for each erasure (another tenant admin approves it) or keep"
                                + " the record longer with a reason.")
                + "\n";
        accounts.list().stream()
                .filter(user ->
                        user.status() == AccountStatus.ACTIVE && user.roles().contains(Role.TENANT_ADMIN))
                .forEach(admin -> mailer.send(
                        admin.email(), "Trackwell: " + due.size() + " client records due for erasure", text));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone.zone());
    }

    private static String day(LocalDate date) {
        return DAY.format(date);
    }
}
