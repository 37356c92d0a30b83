package org.trackwell.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.trackwell.audit.Actor;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.internal.AccountRows;
import org.trackwell.identity.internal.SessionRows;
import org.trackwell.identity.internal.SetupTokenRows;
import org.trackwell.identity.internal.SetupTokenRows.Purpose;
import org.trackwell.identity.internal.SignInRecords;
import org.trackwell.identity.internal.SignInRecords.Kind;
import org.trackwell.identity.internal.StoredAccount;
import org.trackwell.mail.Mailer;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.Tokens;
import org.trackwell.shared.UserId;
import org.trackwell.tenancy.Tenants;

/**
 * "Forgot password": a single-use link by e-mail, valid 30 minutes. Asking gives the same answer
 * whether or not the account exists; requests are limited per account (silently) and per client
 * address (429). Using a link asks for the second factor if the user has one, and ends every
 * session of the account.
 */
@Service
public class PasswordResets {

    private final AccountRows accounts;
    private final SetupTokenRows links;
    private final SessionRows sessions;
    private final SecondFactors secondFactors;
    private final PasswordSetter passwords;
    private final SignIn signIn;
    private final SignInRecords records;
    private final Policies policies;
    private final Tenants tenants;
    private final Tokens tokens;
    private final IdentityProperties properties;
    private final TenantTransactions transactions;
    private final Mailer mailer;
    private final Clock clock;

    PasswordResets(
            AccountRows accounts,
            SetupTokenRows links,
            SessionRows sessions,
            SecondFactors secondFactors,
            PasswordSetter passwords,
            SignIn signIn,
            SignInRecords records,
            Policies policies,
            Tenants tenants,
            Tokens tokens,
            IdentityProperties properties,
            TenantTransactions transactions,
            Mailer mailer,
            Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.sessions = sessions;
        this.secondFactors = secondFactors;
        this.passwords = passwords;
        this.signIn = signIn;
        this.records = records;
        this.policies = policies;
        this.tenants = tenants;
        this.tokens = tokens;
        this.properties = properties;
        this.transactions = transactions;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Sends a reset link if {@code email} is an active account of the current tenant; else nothing. */
    public void request(String email, ClientInfo client) {
        TenantId tenant = CurrentTenant.require();
        Instant now = clock.instant();
        Instant since = now.minus(properties.passwordResetWindow());
        long fromAddress = transactions.inTenant(tenant, () -> records.resetRequest(client.address(), now, since));
        if (fromAddress > properties.passwordResetsPerAddress()) {
            throw new TooManyAttempts(properties.passwordResetWindow());
        }
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        transactions.inTenant(tenant, () -> {
            accounts.findByEmail(normalised)
                    .filter(account -> account.status() == AccountStatus.ACTIVE)
                    .filter(account -> links.issuedSince(account.id(), Purpose.RESET, since)
                            < properties.passwordResetsPerAccount())
                    .ifPresent(account -> sendLink(tenant, account, now));
            return null;
        });
    }

    /** Whether the link works, and whether it will ask for a second factor. */
    public Optional<ResetLink> check(String token) {
        TenantId tenant = CurrentTenant.require();
        return transactions.inTenant(
                tenant,
                () -> links.holder(Tokens.hash(token), Purpose.RESET, clock.instant())
                        .map(user -> new ResetLink(secondFactors.enrolled(user))));
    }

    /** What the reset page needs to know about a working link. */
    public record ResetLink(boolean secondFactorNeeded) {}

    /** Sets the new password through the link; every session of the account ends. */
    public void complete(String token, String password, @Nullable String code, ClientInfo client) {
        TenantId tenant = CurrentTenant.require();
        Instant now = clock.instant();
        String key = Tokens.hash(token);
        StoredAccount account = transactions
                .inTenant(tenant, () -> links.holder(key, Purpose.RESET, now).flatMap(accounts::findById))
                .filter(found -> found.status() == AccountStatus.ACTIVE)
                .orElseThrow(LinkNotValid::new);
        boolean done = transactions.inTenant(tenant, () -> {
            if (secondFactors.enrolled(account.id()) && (code == null || !secondFactors.accepts(account, code))) {
                return false;
            }
            links.redeem(key, Purpose.RESET, now).orElseThrow(LinkNotValid::new);
            passwords.set(account, password);
            sessions.revokeAllOf(account.id(), "", now);
            accounts.unlock(account.id());
            records.record(Kind.PASSWORD_RESET, actor(account.id()), account.id());
            mailer.send(
                    account.email(),
                    "Your Trackwell password was reset",
                    "Your password was reset through a link sent to this address, and every session was"
                            + " signed out.\nIf this was not you, tell your administrator at once.\n");
            return true;
        });
        if (!done) {
            signIn.wrongCode(tenant, account, client);
            throw SignInFailed.wrongCode();
        }
    }

    private void sendLink(TenantId tenant, StoredAccount account, Instant now) {
        links.expireUnused(account.id(), Purpose.RESET, now);
        String token = tokens.newToken();
        Instant expiresAt = now.plus(properties.passwordResetLinkValidity());
        links.insert(tenant, Tokens.hash(token), account.id(), Purpose.RESET, now, expiresAt);
        records.record(Kind.PASSWORD_RESET_REQUESTED, Actor.anonymous(), account.id());
        String url = tenants.baseUrl(tenants.byId(tenant).orElseThrow()) + "/account/reset?token=" + token;
        mailer.send(
                account.email(),
                "Reset your Trackwell password",
                "Someone asked to reset the password of your Trackwell account.\n\n"
                        + "Choose a new password here (the link works once, until " + expiresAt + "):\n" + url
                        + "\n\nIf this was not you, you can ignore this e-mail: your password stays as it is.\n");
    }

    private static Actor actor(UserId user) {
        return new Actor(Actor.Type.USER, user.toString(), null);
    }
}
