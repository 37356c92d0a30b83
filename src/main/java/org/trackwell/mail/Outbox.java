package org.trackwell.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.database.ClusterJobs;
import org.trackwell.database.TenantTransactions;
import org.trackwell.keys.InstallationSecrets;
import org.trackwell.mail.internal.OutboxRows;
import org.trackwell.mail.internal.OutboxRows.Kept;
import org.trackwell.mail.internal.Smtp;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.TenantId;
import org.trackwell.tenancy.Tenants;

/**
 * E-mail the SMTP server did not take, kept and tried again with a wait that doubles each time,
 * until it is sent or, after the last try, given up; admins see what is waiting, try it again or
 * discard it. The waits are times in the table read against the clock, never sleeps. A given-up
 * message is deleted after a few days ({@link MailProperties#keepGivenUpFor()}).
 */
@Service
public class Outbox {

    static final String TABLE = "mail_outbox";
    private static final int BATCH = 20;

    private final ClusterJobs jobs;
    private final Duration interval;
    private final OutboxRows rows;
    private final Smtp smtp;
    private final InstallationSecrets secrets;
    private final TenantTransactions transactions;
    private final Tenants tenants;
    private final AuditTrail trail;
    private final MailProperties properties;
    private final Ids ids;
    private final Clock clock;

    Outbox(
            OutboxRows rows,
            Smtp smtp,
            InstallationSecrets secrets,
            TenantTransactions transactions,
            Tenants tenants,
            AuditTrail trail,
            MailProperties properties,
            Ids ids,
            Clock clock,
            ClusterJobs jobs,
            @Value("${trackwell.mail.retry-poll:1m}") Duration interval) {
        this.jobs = jobs;
        this.interval = interval;
        this.rows = rows;
        this.smtp = smtp;
        this.secrets = secrets;
        this.transactions = transactions;
        this.tenants = tenants;
        this.trail = trail;
        this.properties = properties;
        this.ids = ids;
        this.clock = clock;
    }

    /** Where a kept message's sealed values are bound: its stream as well as its row. */
    static String sealedRow(TenantId stream, UUID message) {
        return stream.value() + "/" + message;
    }

    /** Keeps a message whose first try failed, for the stream it was sent in; after that transaction has ended. */
    void keep(TenantId stream, String to, String subject, String text, String outcome) {
        Instant now = clock.instant();
        UUID id = ids.next();
        String row = sealedRow(stream, id);
        transactions.inNewTransaction(stream, () -> {
            rows.insert(new Kept(
                    id,
                    secrets.seal(TABLE, "recipient", row, to),
                    subject,
                    secrets.seal(TABLE, "body", row, text),
                    1,
                    outcome,
                    now,
                    nextTry(1, now),
                    null));
            return null;
        });
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TENANT_ADMIN') or hasRole('OPERATOR')")
    public List<UndeliveredMail> waiting(int limit) {
        TenantId stream = currentStream();
        return rows.newest(limit).stream()
                .map(kept -> new UndeliveredMail(
                        kept.id(),
                        secrets.open(TABLE, "recipient", sealedRow(stream, kept.id()), kept.recipient()),
                        kept.subject(),
                        kept.attempts(),
                        kept.lastOutcome(),
                        kept.firstTriedAt(),
                        kept.nextAttemptAt(),
                        kept.gaveUpAt()))
                .toList();
    }

    /** Tries one kept message again at once, given up or not; whether the server took it this time. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN') or hasRole('OPERATOR')")
    public boolean tryAgain(UUID message) {
        Kept kept = rows.byId(message).orElseThrow(Outbox::noLongerWaiting);
        trail.record(AuditAction.MAIL_TRIED_AGAIN, "mail:" + message, Outcome.SUCCESS);
        return attempt(currentStream(), kept, clock.instant());
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN') or hasRole('OPERATOR')")
    public void discard(UUID message) {
        if (!rows.delete(message)) {
            throw noLongerWaiting();
        }
        trail.record(AuditAction.MAIL_DISCARDED, "mail:" + message, Outcome.SUCCESS);
    }

    @Scheduled(fixedDelayString = "${trackwell.mail.retry-poll:1m}")
    void onSchedule() {
        jobs.runOnce("mail-outbox", interval, this::tryDue);
    }

    /** Tries what is due in every stream; returns how many tries were made. */
    public int tryDue() {
        int tries = 0;
        for (TenantId stream : tenants.streams()) {
            tries += transactions.inTenant(stream, () -> tryDueIn(stream));
        }
        return tries;
    }

    /** The mail queue in every stream: messages waiting to be tried again, and those given up. */
    public Queue queue() {
        long waiting = 0;
        long givenUp = 0;
        for (TenantId stream : tenants.streams()) {
            OutboxRows.Counts counts = transactions.inTenant(stream, rows::counts);
            waiting += counts.waiting();
            givenUp += counts.givenUp();
        }
        return new Queue(waiting, givenUp);
    }

    /** How many e-mails wait to be tried again, and how many were given up (kept for a few days). */
    public record Queue(long waiting, long givenUp) {}

    private int tryDueIn(TenantId stream) {
        Instant now = clock.instant();
        rows.deleteGivenUpBefore(now.minus(properties.keepGivenUpFor()));
        List<Kept> due = rows.due(now, BATCH);
        due.forEach(kept -> attempt(stream, kept, now));
        return due.size();
    }

    private boolean attempt(TenantId stream, Kept kept, Instant now) {
        String row = sealedRow(stream, kept.id());
        Smtp.Attempt attempt = smtp.send(
                secrets.open(TABLE, "recipient", row, kept.recipient()),
                kept.subject(),
                secrets.open(TABLE, "body", row, kept.body()));
        if (attempt.result() == Smtp.Result.SENT) {
            rows.delete(kept.id());
            return true;
        }
        rows.failedAgain(kept.id(), attempt.outcome(), nextTry(kept.attempts() + 1, now), now);
        return false;
    }

    private @Nullable Instant nextTry(int tried, Instant now) {
        return tried >= properties.tries() ? null : now.plus(properties.waitAfter(tried));
    }

    private static TenantId currentStream() {
        return CurrentTenant.get().orElse(AuditTrail.OPERATOR_STREAM);
    }

    private static MailRefused noLongerWaiting() {
        return new MailRefused("That e-mail is no longer waiting: it has been sent or discarded.");
    }
}
