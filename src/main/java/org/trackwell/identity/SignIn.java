package org.trackwell.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.trackwell.audit.Actor;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.internal.AccountRows;
import org.trackwell.identity.internal.ChallengeRows;
import org.trackwell.identity.internal.PasswordHasher;
import org.trackwell.identity.internal.SignInRecords;
import org.trackwell.identity.internal.SignInRecords.Kind;
import org.trackwell.identity.internal.StoredAccount;
import org.trackwell.mail.Mailer;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.LogSafe;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.Tokens;

/**
 * Sign-in to the current tenant: password, then a second factor if the user has one. Unknown e-mail, wrong password, locked or disabled
 * account: the same answer after the same work. The password hash runs outside any database
 * transaction, so a slow hash never holds a connection.
 */
@Service
public class SignIn {

    private static final Logger log = LoggerFactory.getLogger(SignIn.class);

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
        Attempt attempt = transactions.inTenant(
                tenant,
                () -> new Attempt(
                        records.blockedUntil(client.address(), now),
                        accounts.findByEmail(normalisedEmail),
                        policies.current()));
        refuseIfBlocked(attempt, now);
        Optional<StoredAccount> account = attempt.account();
        boolean passwordRight;
        if (account.isPresent() && account.get().mayAttemptSignIn(now)) {
            passwordRight = hasher.matches(password, account.get().passwordHash());
        } else {
            hasher.matchNothing(password);
            passwordRight = false;
        }
        if (!passwordRight) {
            failed(tenant, Kind.FAILED, account, client, attempt.policy(), now);
            throw new SignInFailed();
        }
        StoredAccount user = account.get();
        Optional<String> upgraded =
                hasher.needsRehash(user.passwordHash()) ? Optional.of(hasher.hash(password)) : Optional.empty();
        return transactions.inTenant(tenant, () -> {
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
        Attempt attempt = transactions.inTenant(
                tenant,
                () -> new Attempt(
                        records.blockedUntil(client.address(), now),
                        challenges.open(key, now).flatMap(accounts::findById),
                        policies.current()));
        refuseIfBlocked(attempt, now);
        Optional<StoredAccount> account = attempt.account().filter(a -> a.mayAttemptSignIn(now));
        Optional<SessionToken> session = account.flatMap(user -> transactions.inTenant(
                tenant,
                () -> proof.test(user) && challenges.use(key, now)
                        ? Optional.of(signedIn(tenant, user, attempt.policy(), now))
                        : Optional.<SessionToken>empty()));
        if (session.isEmpty()) {
            failed(tenant, Kind.SECOND_FACTOR_FAILED, attempt.account(), client, attempt.policy(), now);
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
        Attempt attempt = transactions.inTenant(
                tenant,
                () -> new Attempt(
                        records.blockedUntil(client.address(), now), accounts.findById(user.id()), policies.current()));
        refuseIfBlocked(attempt, now);
        StoredAccount account =
                attempt.account().filter(a -> a.mayAttemptSignIn(now)).orElseThrow(SignInFailed::notConfirmed);
        boolean passwordRight =
                password != null && !password.isEmpty() && hasher.matches(password, account.passwordHash());
        boolean confirmed = transactions.inTenant(tenant, () -> {
            if (!passwordRight && (code == null || !secondFactors.accepts(account, code))) {
                return false;
            }
            sessions.verified(user, now);
            records.record(Kind.IDENTITY_CONFIRMED, user.asActor(), user.id());
            return true;
        });
        if (!confirmed) {
            failed(tenant, Kind.IDENTITY_NOT_CONFIRMED, attempt.account(), client, attempt.policy(), now);
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
        Attempt attempt = transactions.inTenant(
                tenant,
                () -> new Attempt(
                        records.blockedUntil(client.address(), now),
                        accounts.findByEmail(email.strip().toLowerCase(Locale.ROOT)),
                        policies.current()));
        refuseIfBlocked(attempt, now);
        Optional<StoredAccount> account = attempt.account().filter(a -> a.mayAttemptSignIn(now));
        boolean passwordRight;
        if (account.isPresent() && password != null && !password.isEmpty()) {
            passwordRight = hasher.matches(password, account.get().passwordHash());
        } else {
            hasher.matchNothing(password == null ? "" : password);
            passwordRight = false;
        }
        Optional<User> witness = account.flatMap(found -> transactions.inTenant(tenant, () -> {
            if (!passwordRight && (code == null || code.isBlank() || !secondFactors.accepts(found, code))) {
                return Optional.<User>empty();
            }
            records.record(Kind.WITNESS_CONFIRMED, actor(found), found.id());
            return accounts.user(found.id());
        }));
        if (witness.isEmpty()) {
            failed(tenant, Kind.WITNESS_NOT_CONFIRMED, attempt.account(), client, attempt.policy(), now);
            throw new WitnessNotConfirmed();
        }
        return witness.get();
    }

    /** What one sign-in attempt needs to know, read in one transaction. */
    private record Attempt(Optional<Instant> blockedUntil, Optional<StoredAccount> account, SecurityPolicy policy) {}

    private static void refuseIfBlocked(Attempt attempt, Instant now) {
        if (attempt.blockedUntil().isPresent()) {
            throw new TooManyAttempts(
                    Duration.between(now, attempt.blockedUntil().get()));
        }
    }

    private SessionToken signedIn(TenantId tenant, StoredAccount user, SecurityPolicy policy, Instant now) {
        accounts.clearFailures(user.id());
        records.record(Kind.SIGNED_IN, actor(user), user.id());
        return sessions.open(tenant, user.id(), policy, now);
    }

    private static Actor actor(StoredAccount user) {
        return new Actor(Actor.Type.USER, user.id().toString(), null);
    }

    /** Records a failure in its own transaction, counts it towards the account's lock and the address's block. */
    void failed(
            TenantId tenant,
            Kind kind,
            Optional<StoredAccount> account,
            ClientInfo client,
            SecurityPolicy policy,
            Instant now) {
        transactions.inTenant(tenant, () -> {
            records.record(
                    kind, Actor.anonymous(), account.map(StoredAccount::id).orElse(null));
            account.filter(a -> a.status() == AccountStatus.ACTIVE && !a.lockedAt(now))
                    .ifPresent(a -> countFailure(tenant, a, client, policy, now));
            long recent = records.addressFailure(client.address(), now, now.minus(properties.addressFailureWindow()));
            if (recent >= properties.addressFailureLimit()) {
                records.block(client.address(), now.plus(properties.addressBlock()));
                records.record(Kind.ADDRESS_BLOCKED, Actor.anonymous(), null);
                log.warn("Blocked sign-in from {} after {} failures", LogSafe.of(client.address()), recent);
            }
            return null;
        });
        log.info("{} for {} from {}", kind, account.map(StoredAccount::id).orElse(null), LogSafe.of(client.address()));
    }

    private void countFailure(
            TenantId tenant, StoredAccount account, ClientInfo client, SecurityPolicy policy, Instant now) {
        int[] counts = accounts.countFailure(account.id());
        if (counts[0] < policy.lockoutThreshold()) {
            return;
        }
        Instant until = now.plus(policy.lockDuration(counts[1] + 1));
        accounts.lock(account.id(), until);
        records.record(Kind.LOCKED, Actor.system(), account.id());
        mailer.send(
                account.email(),
                "Your Trackwell account has been locked",
                "After " + counts[0] + " failed sign-in attempts your account is locked until " + until
                        + ".\nIf this was not you, tell your administrator.\n");
    }
}
