package org.trackwell.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.trackwell.audit.Actor;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.internal.AccountRows;
import org.trackwell.identity.internal.ChallengeRows;
import org.trackwell.identity.internal.PasswordHasher;
import org.trackwell.identity.internal.Realm;
import org.trackwell.identity.internal.SignInRecords;
import org.trackwell.identity.internal.SignInRecords.Kind;
import org.trackwell.identity.internal.StoredAccount;
import org.trackwell.mail.Mailer;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.LogSafe;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.Tokens;

/**
 * Sign-in to the current realm (a tenant, or the installation for operators): password, then a second factor if the user has one. Unknown e-mail, wrong password, locked or disabled
 * account: the same answer after the same work. The password hash runs outside any database
 * transaction, so a slow hash never holds a connection.
 */
@Service
public class SignIn {

    private static final Logger log = LoggerFactory.getLogger(SignIn.class);
    private static final Duration ADMISSION_PATIENCE = Duration.ofSeconds(10);
    private static final Duration ADMISSION_POLL = Duration.ofMillis(10);

    private final AccountRows accounts;
    private final SignInRecords records;
    private final PasswordHasher hasher;
    private final Policies policies;
    private final Sessions sessions;
    private final SecondFactors secondFactors;
    private final Passkeys passkeys;
    private final ChallengeRows challenges;
    private final Tokens tokens;
    private final TenantTransactions transactions;
    private final IdentityProperties properties;
    private final Mailer mailer;
    private final Clock clock;

    SignIn(
            AccountRows accounts,
            SignInRecords records,
            PasswordHasher hasher,
            Policies policies,
            Sessions sessions,
            SecondFactors secondFactors,
            Passkeys passkeys,
            ChallengeRows challenges,
            Tokens tokens,
            TenantTransactions transactions,
            IdentityProperties properties,
            Mailer mailer,
            Clock clock) {
        this.accounts = accounts;
        this.records = records;
        this.hasher = hasher;
        this.policies = policies;
        this.sessions = sessions;
        this.secondFactors = secondFactors;
        this.passkeys = passkeys;
        this.challenges = challenges;
        this.tokens = tokens;
        this.transactions = transactions;
        this.properties = properties;
        this.mailer = mailer;
        this.clock = clock;
    }

    public SignInResult signIn(String email, String password, ClientInfo client) {
        TenantId tenant = CurrentTenant.require();
        Instant now = clock.instant();
        String normalisedEmail = email.strip().toLowerCase(Locale.ROOT);
        Attempt attempt = admit(tenant, client, now, () -> accounts.findByEmail(normalisedEmail));
        boolean passwordRight = check(attempt, () -> {
            if (attempt.admitted().isPresent()) {
                return hasher.matches(password, attempt.admitted().get().passwordHash());
            }
            hasher.matchNothing(password);
            return false;
        });
        if (!passwordRight) {
            failed(Kind.FAILED, attempt);
            throw new SignInFailed();
        }
        StoredAccount user = attempt.admitted().get();
        Optional<String> upgraded =
                hasher.needsRehash(user.passwordHash()) ? Optional.of(hasher.hash(password)) : Optional.empty();
        return transactions.inTenant(tenant, () -> {
            succeeded(attempt);
            upgraded.ifPresent(hash -> accounts.rehash(user.id(), hash));
            if (secondFactors.enrolled(user.id())) {
                String challenge = tokens.newToken();
                Instant expiresAt = now.plus(properties.secondFactorChallengeValidity());
                challenges.insert(tenant, Tokens.hash(challenge), user.id(), expiresAt);
                records.record(Kind.SECOND_FACTOR_REQUIRED, actor(user), user.id());
                return new SignInResult.SecondFactorNeeded(challenge, expiresAt);
            }
            return new SignInResult.SignedIn(signedIn(tenant, user, attempt.policy(), now));
        });
    }

    /** The second step: a code from the authenticator app, or a recovery code, for the challenge. */
    public SessionToken completeSecondFactor(String challenge, String code, ClientInfo client) {
        return completeSecondStep(challenge, client, user -> secondFactors.accepts(user, code));
    }

    /** The second step with a passkey: the options to sign with, for the challenge's user. */
    public Passkeys.Ceremony startPasskeySignIn(String challenge, Passkeys.RelyingParty rp) {
        Instant now = clock.instant();
        return transactions.inTenant(
                CurrentTenant.require(),
                () -> challenges
                        .open(Tokens.hash(challenge), now)
                        .filter(passkeys::any)
                        .map(user -> passkeys.startAssertion(user, rp))
                        .orElseThrow(SignInFailed::wrongCode));
    }

    /** The second step completed with a passkey's signature; failures count like wrong codes. */
    public SessionToken completeWithPasskey(
            String challenge, UUID ceremony, String response, Passkeys.RelyingParty rp, ClientInfo client) {
        return completeSecondStep(
                challenge, client, user -> passkeys.verifyAssertion(user.id(), ceremony, response, rp));
    }

    private SessionToken completeSecondStep(
            String challenge, ClientInfo client, java.util.function.Predicate<StoredAccount> proof) {
        TenantId tenant = CurrentTenant.require();
        Instant now = clock.instant();
        String key = Tokens.hash(challenge);
        Attempt attempt =
                admit(tenant, client, now, () -> challenges.open(key, now).flatMap(accounts::findById));
        Optional<SessionToken> session = check(
                attempt,
                () -> attempt.admitted()
                        .flatMap(user -> transactions.inTenant(tenant, () -> {
                            if (!proof.test(user) || !challenges.use(key, now)) {
                                return Optional.<SessionToken>empty();
                            }
                            succeeded(attempt);
                            return Optional.of(signedIn(tenant, user, attempt.policy(), now));
                        })));
        if (session.isEmpty()) {
            failed(Kind.SECOND_FACTOR_FAILED, attempt);
            throw SignInFailed.wrongCode();
        }
        return session.get();
    }

    /**
     * Step-up: the signed-in user proves who they are again, with their password or (if they have
     * one) a second factor. A wrong answer counts towards the lock like a failed sign-in.
     */
    public void confirmIdentity(
            SignedInUser user, @Nullable String password, @Nullable String code, ClientInfo client) {
        TenantId tenant = user.tenant();
        Instant now = clock.instant();
        Attempt attempt = admit(tenant, client, now, () -> accounts.findById(user.id()));
        if (attempt.admitted().isEmpty()) {
            withdraw(attempt);
            throw SignInFailed.notConfirmed();
        }
        StoredAccount account = attempt.admitted().get();
        boolean confirmed = check(attempt, () -> {
            boolean passwordRight =
                    password != null && !password.isEmpty() && hasher.matches(password, account.passwordHash());
            return transactions.inTenant(tenant, () -> {
                if (!passwordRight && (code == null || !secondFactors.accepts(account, code))) {
                    return false;
                }
                succeeded(attempt);
                sessions.verified(user, now);
                records.record(Kind.IDENTITY_CONFIRMED, user.asActor(), user.id());
                return true;
            });
        });
        if (!confirmed) {
            failed(Kind.IDENTITY_NOT_CONFIRMED, attempt);
            throw SignInFailed.notConfirmed();
        }
    }

    /**
     * A second member of staff witnesses an action (a controlled drug given, received or disposed
     * of) on the same screen, with their own password or second-factor code. A wrong answer counts
     * towards the witness's lock like a failed sign-in; the answer never says which part was wrong.
     */
    public User confirmWitness(String email, @Nullable String password, @Nullable String code, ClientInfo client) {
        TenantId tenant = CurrentTenant.require();
        Instant now = clock.instant();
        Attempt attempt = admit(
                tenant, client, now, () -> accounts.findByEmail(email.strip().toLowerCase(Locale.ROOT)));
        Optional<User> witness = check(attempt, () -> {
            boolean passwordRight;
            if (attempt.admitted().isPresent() && password != null && !password.isEmpty()) {
                passwordRight =
                        hasher.matches(password, attempt.admitted().get().passwordHash());
            } else {
                hasher.matchNothing(password == null ? "" : password);
                passwordRight = false;
            }
            return attempt.admitted()
                    .flatMap(found -> transactions.inTenant(tenant, () -> {
                        if (!passwordRight && (code == null || code.isBlank() || !secondFactors.accepts(found, code))) {
                            return Optional.<User>empty();
                        }
                        succeeded(attempt);
                        records.record(Kind.WITNESS_CONFIRMED, actor(found), found.id());
                        return accounts.user(found.id());
                    }));
        });
        if (witness.isEmpty()) {
            failed(Kind.WITNESS_NOT_CONFIRMED, attempt);
            throw new WitnessNotConfirmed();
        }
        return witness.get();
    }

    /**
     * One attempt, counted against its address and its account before any password or code is
     * checked, as if it will fail, one attempt at a time per address. Parallel guesses therefore
     * meet the limits exactly; an attempt that succeeds, or cannot be checked, is taken back.
     */
    private record Attempt(
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
    private Attempt admit(
            TenantId tenant, ClientInfo client, Instant now, Supplier<Optional<StoredAccount>> findAccount) {
        long giveUp = System.nanoTime() + ADMISSION_PATIENCE.toNanos();
        while (true) {
            try {
                return transactions.inTenant(tenant, () -> tryToAdmit(tenant, client, now, findAccount));
            } catch (NotYourTurn wait) {
                if (System.nanoTime() > giveUp) {
                    throw new TooManyAttempts(Duration.ofSeconds(1));
                }
                try {
                    Thread.sleep(ADMISSION_POLL);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TooManyAttempts(Duration.ofSeconds(1));
                }
            }
        }
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
    private <T> T check(Attempt attempt, Supplier<T> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            withdraw(attempt);
            throw e;
        }
    }

    /** Takes back a successful attempt, inside the transaction that records its success. */
    private void succeeded(Attempt attempt) {
        records.withdrawAttempt(attempt.client().address(), attempt.at());
        attempt.admitted().ifPresent(account -> accounts.withdrawAttempt(account.id()));
    }

    private void withdraw(Attempt attempt) {
        transactions.inTenant(attempt.tenant(), () -> {
            succeeded(attempt);
            return null;
        });
    }

    private SessionToken signedIn(TenantId tenant, StoredAccount user, SecurityPolicy policy, Instant now) {
        accounts.clearFailures(user.id());
        records.record(Kind.SIGNED_IN, actor(user), user.id());
        return sessions.open(tenant, user.id(), policy, now);
    }

    private static Actor actor(StoredAccount user) {
        return Realm.actor(user.id());
    }

    /** A wrong second-factor code given elsewhere (with a password-reset link) counts like a failed sign-in. */
    void wrongCode(TenantId tenant, StoredAccount account, ClientInfo client) {
        failed(Kind.SECOND_FACTOR_FAILED, admit(tenant, client, clock.instant(), () -> Optional.of(account)));
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
