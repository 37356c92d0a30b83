package org.trackwell.identity.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.audit.Actor;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.shared.AfterCommit;
import org.trackwell.shared.UserId;

/**
 * Sign-in events, appended to the audit trail, and failures by client address across all
 * tenants. Never holds a password, a token or the e-mail that was typed.
 */
@Repository
public class SignInRecords {

    public enum Kind {
        SIGNED_IN(AuditAction.SIGN_IN_SIGNED_IN, Outcome.SUCCESS, "signed-in"),
        FAILED(AuditAction.SIGN_IN_FAILED, Outcome.FAILED, "failed"),
        LOCKED(AuditAction.SIGN_IN_LOCKED, Outcome.DENIED, "locked"),
        UNLOCKED(AuditAction.SIGN_IN_UNLOCKED, Outcome.SUCCESS, null),
        ADDRESS_BLOCKED(AuditAction.SIGN_IN_ADDRESS_BLOCKED, Outcome.DENIED, "address-blocked"),
        SIGNED_OUT(AuditAction.SIGN_IN_SIGNED_OUT, Outcome.SUCCESS, null),
        PASSWORD_SET(AuditAction.SIGN_IN_PASSWORD_SET, Outcome.SUCCESS, null),
        PASSWORD_CHANGED(AuditAction.SIGN_IN_PASSWORD_CHANGED, Outcome.SUCCESS, null),
        SECOND_FACTOR_REQUIRED(AuditAction.SIGN_IN_SECOND_FACTOR_REQUIRED, Outcome.SUCCESS, "second-factor-required"),
        SECOND_FACTOR_FAILED(AuditAction.SIGN_IN_SECOND_FACTOR_FAILED, Outcome.FAILED, "second-factor-failed"),
        IDENTITY_CONFIRMED(AuditAction.SIGN_IN_IDENTITY_CONFIRMED, Outcome.SUCCESS, null),
        IDENTITY_NOT_CONFIRMED(AuditAction.SIGN_IN_IDENTITY_NOT_CONFIRMED, Outcome.FAILED, null),
        WITNESS_CONFIRMED(AuditAction.SIGN_IN_WITNESS_CONFIRMED, Outcome.SUCCESS, null),
        WITNESS_NOT_CONFIRMED(AuditAction.SIGN_IN_WITNESS_NOT_CONFIRMED, Outcome.FAILED, null),
        PASSWORD_RESET_REQUESTED(AuditAction.SIGN_IN_PASSWORD_RESET_REQUESTED, Outcome.SUCCESS, null),
        PASSWORD_RESET(AuditAction.SIGN_IN_PASSWORD_RESET, Outcome.SUCCESS, null);

        private final AuditAction action;
        private final Outcome outcome;

        /** The outcome of a sign-in attempt this kind counts as, in the sign-in metric; none for other events. */
        private final @Nullable String attemptOutcome;

        Kind(AuditAction action, Outcome outcome, @Nullable String attemptOutcome) {
            this.action = action;
            this.outcome = outcome;
            this.attemptOutcome = attemptOutcome;
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail trail;
    private final MeterRegistry meters;

    SignInRecords(JdbcClient jdbc, AuditTrail trail, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.trail = trail;
        this.meters = meters;
    }

    /** Records a sign-in event about {@code user} (if known) on behalf of {@code actor}. */
    public void record(Kind kind, Actor actor, @Nullable UserId user) {
        trail.recordAs(actor, kind.action, user == null ? null : Realm.target(user), kind.outcome);
        count(kind);
    }

    /** Sign-in attempts by outcome, users' and operators' together: no account, address or tenant in it. */
    private void count(Kind kind) {
        if (kind.attemptOutcome != null) {
            AfterCommit.increment(Counter.builder("trackwell.sign.ins")
                    .description("Sign-in attempts by outcome")
                    .tag("outcome", kind.attemptOutcome)
                    .register(meters));
        }
    }

    public Optional<Instant> blockedUntil(String address, Instant now) {
        return jdbc.sql("select blocked_until from blocked_address where address = :address and blocked_until > :now")
                .param("address", address)
                .param("now", Timestamp.from(now))
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /**
     * The attempts from one address take turns while each is admitted, so that parallel guesses
     * are counted one after the other and none slips past the limit. Held to the end of the
     * transaction; false when another attempt holds it, so that nobody waits holding a connection.
     */
    public boolean takeTurn(String address) {
        return jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended('sign-in ' || :address, 0))")
                .param("address", address)
                .query(Boolean.class)
                .single();
    }

    /**
     * Counts an attempt from {@code address} before its password or code is checked, as if it
     * fails, and returns how many it has made since {@code since}, this one included.
     */
    public long countAttempt(String address, Instant now, Instant since) {
        jdbc.sql("insert into sign_in_failure_by_address (address, occurred_at) values (:address, :now)")
                .param("address", address)
                .param("now", Timestamp.from(now))
                .update();
        return jdbc.sql(
                        "select count(*) from sign_in_failure_by_address where address = :address and occurred_at > :since")
                .param("address", address)
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    /** Takes back an attempt counted at {@code now} that did not fail. */
    public void withdrawAttempt(String address, Instant now) {
        jdbc.sql("""
                delete from sign_in_failure_by_address where ctid = (
                    select ctid from sign_in_failure_by_address where address = :address and occurred_at = :now limit 1)""")
                .param("address", address)
                .param("now", Timestamp.from(now))
                .update();
    }

    public void block(String address, Instant until) {
        jdbc.sql("""
                insert into blocked_address (address, blocked_until) values (:address, :until)
                on conflict (address) do update set blocked_until = excluded.blocked_until""")
                .param("address", address)
                .param("until", Timestamp.from(until))
                .update();
    }

    /** Records a password-reset request from {@code address} and returns how many it has made since {@code since}. */
    public long resetRequest(String address, Instant now, Instant since) {
        jdbc.sql("insert into password_reset_by_address (address, requested_at) values (:address, :now)")
                .param("address", address)
                .param("now", Timestamp.from(now))
                .update();
        return jdbc.sql(
                        "select count(*) from password_reset_by_address where address = :address and requested_at > :since")
                .param("address", address)
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    /** Address failures older than the window are of no further use. */
    public void forgetFailuresBefore(Instant before) {
        jdbc.sql("delete from sign_in_failure_by_address where occurred_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    public void forgetResetRequestsBefore(Instant before) {
        jdbc.sql("delete from password_reset_by_address where requested_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }
}
