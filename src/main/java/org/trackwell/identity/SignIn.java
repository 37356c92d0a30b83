package org.trackwell.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.trackwell.audit.Actor;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.internal.AccountRows;
import org.trackwell.identity.internal.PasswordHasher;
import org.trackwell.identity.internal.SignInRecords;
import org.trackwell.identity.internal.SignInRecords.Kind;
import org.trackwell.identity.internal.StoredAccount;
import org.trackwell.mail.Mailer;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.LogSafe;
import org.trackwell.shared.TenantId;

/**
 * Password sign-in to the current tenant. Unknown e-mail, wrong password, locked or disabled
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
            TenantTransactions transactions,
            IdentityProperties properties,
            Mailer mailer,
            Clock clock) {
        this.accounts = accounts;
        this.records = records;
        this.hasher = hasher;
        this.policies = policies;
        this.sessions = sessions;
        this.transactions = transactions;
        this.properties = properties;
        this.mailer = mailer;
        this.clock = clock;
    }

    public SessionToken signIn(String email, String password, ClientInfo client) {
        TenantId tenant = CurrentTenant.require();
        Instant now = clock.instant();
        String normalisedEmail = email.strip().toLowerCase(Locale.ROOT);
        Attempt attempt = transactions.inTenant(
                tenant,
                () -> new Attempt(
                        records.blockedUntil(client.address(), now),
                        accounts.findByEmail(normalisedEmail),
                        policies.current()));
        if (attempt.blockedUntil().isPresent()) {
            throw new TooManyAttempts(
                    Duration.between(now, attempt.blockedUntil().get()));
        }
        Optional<StoredAccount> account = attempt.account();
        SecurityPolicy policy = attempt.policy();
        boolean passwordRight;
        if (account.isPresent() && account.get().mayAttemptSignIn(now)) {
            passwordRight = hasher.matches(password, account.get().passwordHash());
        } else {
            hasher.matchNothing(password);
            passwordRight = false;
        }
        if (!passwordRight) {
            transactions.inTenant(tenant, () -> failed(tenant, account, normalisedEmail, client, policy, now));
            log.info("Sign-in failed for {} from {}", LogSafe.of(normalisedEmail), LogSafe.of(client.address()));
            throw new SignInFailed();
        }
        StoredAccount user = account.get();
        return transactions.inTenant(tenant, () -> {
            accounts.clearFailures(user.id());
            if (hasher.needsRehash(user.passwordHash())) {
                accounts.rehash(user.id(), hasher.hash(password));
            }
            records.record(Kind.SIGNED_IN, new Actor(Actor.Type.USER, user.id().toString(), null), user.id());
            return sessions.open(tenant, user.id(), policy, now);
        });
    }

    /** What one sign-in attempt needs to know, read in one transaction. */
    private record Attempt(Optional<Instant> blockedUntil, Optional<StoredAccount> account, SecurityPolicy policy) {}

    private Void failed(
            TenantId tenant,
            Optional<StoredAccount> account,
            String email,
            ClientInfo client,
            SecurityPolicy policy,
            Instant now) {
        records.record(
                Kind.FAILED, Actor.anonymous(), account.map(StoredAccount::id).orElse(null));
        account.filter(a -> a.status() == AccountStatus.ACTIVE && !a.lockedAt(now))
                .ifPresent(a -> countFailure(tenant, a, client, policy, now));
        long recent = records.addressFailure(client.address(), now, now.minus(properties.addressFailureWindow()));
        if (recent >= properties.addressFailureLimit()) {
            records.block(client.address(), now.plus(properties.addressBlock()));
            records.record(Kind.ADDRESS_BLOCKED, Actor.anonymous(), null);
            log.warn("Blocked sign-in from {} after {} failures", LogSafe.of(client.address()), recent);
        }
        return null;
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
