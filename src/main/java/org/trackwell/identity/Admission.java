package org.trackwell.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.trackwell.audit.Actor;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.internal.AccountRows;
import org.trackwell.identity.internal.SignInRecords;
import org.trackwell.identity.internal.SignInRecords.Kind;
import org.trackwell.identity.internal.StoredAccount;
import org.trackwell.mail.Mailer;
import org.trackwell.shared.LogSafe;
import org.trackwell.shared.TenantId;

/**
 * Admission of every attempt to prove who someone is (a password, a second-factor code, a step-up,
 * a witness): the address and account limits, the lock and the address block, in any realm.
 */
@Component
class Admission {

    private static final Logger log = LoggerFactory.getLogger(Admission.class);
    private static final Duration ADMISSION_PATIENCE = Duration.ofSeconds(10);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(10);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    private final AccountRows accounts;
    private final SignInRecords records;
    private final Policies policies;
    private final TenantTransactions transactions;
    private final IdentityProperties properties;
    private final Mailer mailer;
    private final Turns turns;

    Admission(
            AccountRows accounts,
            SignInRecords records,
            Policies policies,
            TenantTransactions transactions,
            IdentityProperties properties,
            Mailer mailer,
            Turns turns) {
        this.accounts = accounts;
        this.records = records;
        this.policies = policies;
        this.transactions = transactions;
        this.properties = properties;
        this.mailer = mailer;
        this.turns = turns;
    }

    /**
     * One attempt, counted against its address and its account before any password or code is
     * checked, as if it will fail, one attempt at a time per address. Parallel guesses therefore
     * meet the limits exactly; an attempt that succeeds, or cannot be checked, is taken back.
     */
    record Attempt(
            TenantId tenant,
            ClientInfo client,
            Instant at,
            Optional<StoredAccount> account,
            Optional<Admitted> admission,
            long addressAttempts,
            SecurityPolicy policy) {

        /** The account, when it may be tried: active, not locked and below its lock threshold. */
        Optional<StoredAccount> admitted() {
            return admission.map(Admitted::account);
        }
    }

    private record Admitted(StoredAccount account, AccountRows.AttemptCount count) {}

    /**
     * Admits the attempt, or waits its turn: while attempts from the same address or at the same
     * account are still being checked and could take the last place before a limit, this one waits
     * for their outcome (a success frees its place) rather than being refused or let past. So
     * parallel guesses meet the limits exactly, and parallel right passwords all get in.
     */
    Attempt admit(TenantId tenant, ClientInfo client, Instant now, Supplier<Optional<StoredAccount>> findAccount) {
        long giveUp = System.nanoTime() + ADMISSION_PATIENCE.toNanos();
        Duration pause = FIRST_PAUSE;
        try {
            while (true) {
                try {
                    return turns.inAddressTurn(
                            client.address(),
                            giveUp,
                            () -> transactions.inTenant(tenant, () -> tryToAdmit(tenant, client, now, findAccount)));
                } catch (NotYourTurn wait) {
                    if (System.nanoTime() > giveUp) {
                        throw new TooManyAttempts(Duration.ofSeconds(1));
                    }
                    turns.awaitPlace(pause);
                    pause = longer(pause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TooManyAttempts(Duration.ofSeconds(1));
        }
    }

    private static Duration longer(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(LONGEST_PAUSE) < 0 ? doubled : LONGEST_PAUSE;
    }

    private Attempt tryToAdmit(
            TenantId tenant, ClientInfo client, Instant now, Supplier<Optional<StoredAccount>> findAccount) {
        if (!records.takeTurn(client.address())) {
            throw new NotYourTurn();
        }
        Optional<Instant> blockedUntil = records.blockedUntil(client.address(), now);
        if (blockedUntil.isPresent()) {
            throw new TooManyAttempts(Duration.between(now, blockedUntil.get()));
        }
        long addressAttempts =
                records.countAttempt(client.address(), now, now.minus(properties.addressFailureWindow()));
        if (addressAttempts > properties.addressFailureLimit()) {
            throw new NotYourTurn();
        }
        SecurityPolicy policy = policies.current();
        Optional<StoredAccount> account = findAccount.get();
        Optional<StoredAccount> mayTry = account.filter(a -> a.mayAttemptSignIn(now));
        Optional<Admitted> admission = mayTry.flatMap(
                a -> accounts.admitAttempt(a.id(), policy.lockoutThreshold()).map(count -> new Admitted(a, count)));
        if (mayTry.isPresent() && admission.isEmpty()) {
            throw new NotYourTurn();
        }
        return new Attempt(tenant, client, now, account, admission, addressAttempts, policy);
    }

    /** Other attempts hold the places up to a limit and are still being checked: wait for them. */
    private static final class NotYourTurn extends RuntimeException {

        NotYourTurn() {
            super(null, null, false, false);
        }
    }

    /** Runs the check of the password or code; if it cannot finish, the attempt is taken back. */
    <T> T check(Attempt attempt, Supplier<T> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            withdraw(attempt);
            throw e;
        }
    }

    /** Takes back a successful attempt, inside the transaction that records its success. */
    void succeeded(Attempt attempt) {
        records.withdrawAttempt(attempt.client().address(), attempt.at());
        attempt.admitted().ifPresent(account -> accounts.withdrawAttempt(account.id()));
        turns.placeFreed();
    }

    void withdraw(Attempt attempt) {
        transactions.inTenant(attempt.tenant(), () -> {
            succeeded(attempt);
            return null;
        });
    }

    /**
     * Records a failure in its own transaction. It was counted when admitted: the attempt that
     * reaches the account's threshold locks it, the one that reaches the address's limit blocks it.
     */
    void failed(Kind kind, Attempt attempt) {
        transactions.inTenant(attempt.tenant(), () -> {
            records.record(
                    kind,
                    Actor.anonymous(),
                    attempt.account().map(StoredAccount::id).orElse(null));
            attempt.admission()
                    .filter(admitted ->
                            admitted.count().failures() >= attempt.policy().lockoutThreshold())
                    .ifPresent(admitted -> lock(admitted, attempt));
            if (attempt.addressAttempts() >= properties.addressFailureLimit()) {
                records.block(attempt.client().address(), attempt.at().plus(properties.addressBlock()));
                records.record(Kind.ADDRESS_BLOCKED, Actor.anonymous(), null);
                log.warn(
                        "Blocked sign-in from {} after {} failures",
                        LogSafe.of(attempt.client().address()),
                        attempt.addressAttempts());
            }
            return null;
        });
        turns.placeFreed();
        log.info(
                "{} for {} from {}",
                kind,
                attempt.account().map(StoredAccount::id).orElse(null),
                LogSafe.of(attempt.client().address()));
    }

    private void lock(Admitted admitted, Attempt attempt) {
        StoredAccount account = admitted.account();
        Instant until =
                attempt.at().plus(attempt.policy().lockDuration(admitted.count().locks() + 1));
        accounts.lock(account.id(), until);
        records.record(Kind.LOCKED, Actor.system(), account.id());
        mailer.send(
                account.email(),
                "Your Trackwell account has been locked",
                "After " + admitted.count().failures() + " failed sign-in attempts your account is locked until "
                        + until + ".\nIf this was not you, tell your administrator.\n");
    }
}
