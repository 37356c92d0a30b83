package org.trackwell.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.Tokens;

/**
 * Sign-in to the current realm (a tenant, or the installation for operators): password, then a
 * second factor if the account has one. Unknown e-mail, wrong password, locked or disabled
 * account: the same answer after the same work; every attempt goes through {@link Admission}. The password hash runs outside any database
 * transaction, so a slow hash never holds a connection.
 */
@Service
public class SignIn {

    private final AccountRows accounts;
    private final SignInRecords records;
    private final PasswordHasher hasher;
    private final Admission admission;
    private final Sessions sessions;
    private final SecondFactors secondFactors;
    private final Passkeys passkeys;
    private final ChallengeRows challenges;
    private final Tokens tokens;
    private final TenantTransactions transactions;
    private final IdentityProperties properties;
    private final Clock clock;

    SignIn(
            AccountRows accounts,
            SignInRecords records,
            PasswordHasher hasher,
            Admission admission,
            Sessions sessions,
            SecondFactors secondFactors,
            Passkeys passkeys,
            ChallengeRows challenges,
            Tokens tokens,
            TenantTransactions transactions,
            IdentityProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.records = records;
        this.hasher = hasher;
        this.admission = admission;
        this.sessions = sessions;
        this.secondFactors = secondFactors;
        this.passkeys = passkeys;
        this.challenges = challenges;
        this.tokens = tokens;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    public SignInResult signIn(String email, String password, ClientInfo client) {
        TenantId tenant = CurrentTenant.require();
        Instant now = clock.instant();
        String normalisedEmail = email.strip().toLowerCase(Locale.ROOT);
        hasher.refuseWhenFull();
        Admission.Attempt attempt = admission.admit(tenant, client, now, () -> accounts.findByEmail(normalisedEmail));
        boolean passwordRight = admission.check(attempt, () -> {
            if (attempt.admitted().isPresent()) {
                return hasher.matches(password, attempt.admitted().get().hashToCheck());
            }
            hasher.matchNothing(password);
            return false;
        });
        if (!passwordRight) {
            admission.failed(Kind.FAILED, attempt);
            throw new SignInFailed();
        }
        StoredAccount user = attempt.admitted().get();
        Optional<String> upgraded =
                hasher.needsRehash(user.hashToCheck()) ? Optional.of(hasher.hash(password)) : Optional.empty();
        return transactions.inTenant(tenant, () -> {
            admission.succeeded(attempt);
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
        Admission.Attempt attempt = admission.admit(
                tenant, client, now, () -> challenges.open(key, now).flatMap(accounts::findById));
        Optional<SessionToken> session = admission.check(
                attempt,
                () -> attempt.admitted()
                        .flatMap(user -> transactions.inTenant(tenant, () -> {
                            if (!proof.test(user) || !challenges.use(key, now)) {
                                return Optional.<SessionToken>empty();
                            }
                            admission.succeeded(attempt);
                            return Optional.of(signedIn(tenant, user, attempt.policy(), now));
                        })));
        if (session.isEmpty()) {
            admission.failed(Kind.SECOND_FACTOR_FAILED, attempt);
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
        Admission.Attempt attempt = admission.admit(tenant, client, now, () -> accounts.findById(user.id()));
        if (attempt.admitted().isEmpty()) {
            admission.withdraw(attempt);
            throw SignInFailed.notConfirmed();
        }
        StoredAccount account = attempt.admitted().get();
        boolean confirmed = admission.check(attempt, () -> {
            boolean passwordRight =
                    password != null && !password.isEmpty() && hasher.matches(password, account.hashToCheck());
            return transactions.inTenant(tenant, () -> {
                if (!passwordRight && (code == null || !secondFactors.accepts(account, code))) {
                    return false;
                }
                admission.succeeded(attempt);
                sessions.verified(user, now);
                records.record(Kind.IDENTITY_CONFIRMED, user.asActor(), user.id());
                return true;
            });
        });
        if (!confirmed) {
            admission.failed(Kind.IDENTITY_NOT_CONFIRMED, attempt);
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
        Admission.Attempt attempt = admission.admit(
                tenant, client, now, () -> accounts.findByEmail(email.strip().toLowerCase(Locale.ROOT)));
        Optional<User> witness = admission.check(attempt, () -> {
            boolean passwordRight;
            if (attempt.admitted().isPresent() && password != null && !password.isEmpty()) {
                passwordRight =
                        hasher.matches(password, attempt.admitted().get().hashToCheck());
            } else {
                hasher.matchNothing(password == null ? "" : password);
                passwordRight = false;
            }
            return attempt.admitted()
                    .flatMap(found -> transactions.inTenant(tenant, () -> {
                        if (!passwordRight && (code == null || code.isBlank() || !secondFactors.accepts(found, code))) {
                            return Optional.<User>empty();
                        }
                        admission.succeeded(attempt);
                        records.record(Kind.WITNESS_CONFIRMED, actor(found), found.id());
                        return accounts.user(found.id());
                    }));
        });
        if (witness.isEmpty()) {
            admission.failed(Kind.WITNESS_NOT_CONFIRMED, attempt);
            throw new WitnessNotConfirmed();
        }
        return witness.get();
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
        admission.failed(
                Kind.SECOND_FACTOR_FAILED,
                admission.admit(tenant, client, clock.instant(), () -> Optional.of(account)));
    }
}
