package org.trackwell.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.trackwell.identity.internal.AccountRows;
import org.trackwell.identity.internal.Realm;
import org.trackwell.identity.internal.SetupTokenRows;
import org.trackwell.identity.internal.SetupTokenRows.Purpose;
import org.trackwell.identity.internal.SignInRecords;
import org.trackwell.identity.internal.StoredAccount;
import org.trackwell.mail.Delivery;
import org.trackwell.mail.Mailer;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.Tokens;
import org.trackwell.shared.UserId;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * Invited accounts and their one-time set-up links: opening an account, issuing a link again,
 * mailing it and redeeming it with a first password. The callers ({@link Accounts}, {@link
 * Operators}) check who may do each, hold the transaction and record the audit entries.
 */
@Component
class SetupLinks {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    private final AccountRows rows;
    private final SetupTokenRows setupTokens;
    private final SignInRecords records;
    private final PasswordSetter passwords;
    private final Tenants tenants;
    private final Tokens tokens;
    private final Ids ids;
    private final Clock clock;
    private final IdentityProperties properties;
    private final Mailer mailer;

    SetupLinks(
            AccountRows rows,
            SetupTokenRows setupTokens,
            SignInRecords records,
            PasswordSetter passwords,
            Tenants tenants,
            Tokens tokens,
            Ids ids,
            Clock clock,
            IdentityProperties properties,
            Mailer mailer) {
        this.rows = rows;
        this.setupTokens = setupTokens;
        this.records = records;
        this.passwords = passwords;
        this.tenants = tenants;
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
        this.properties = properties;
        this.mailer = mailer;
    }

    /** An invited account of the current realm and its one-time set-up token (a secret). */
    record NewAccount(UserId id, String email, String setupToken, Instant expiresAt) {

        @Override
        public String toString() {
            return "NewAccount[id=" + id + ", setupToken=***]";
        }
    }

    /** Opens an invited account in the current realm (a tenant's, or the installation's for an operator). */
    NewAccount open(String email, String displayName, Set<Role> roles) {
        TenantId realm = CurrentTenant.require();
        String normalisedEmail = email.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(normalisedEmail).matches()) {
            throw new AccountDetailsInvalid("That is not an e-mail address.");
        }
        if (rows.emailTaken(normalisedEmail)) {
            throw new AccountChangeRefused("There is already " + (Realm.installation() ? "an operator" : "a user")
                    + " with that e-mail address.");
        }
        UserId user = new UserId(ids.next());
        Instant now = clock.instant();
        rows.insertInvited(realm, user, normalisedEmail, displayName, now);
        roles.forEach(role -> rows.addRole(realm, user, role));
        String token = tokens.newToken();
        Instant expiresAt = now.plus(properties.setupLinkValidity());
        setupTokens.insert(realm, Tokens.hash(token), user, Purpose.SETUP, now, expiresAt);
        return new NewAccount(user, normalisedEmail, token, expiresAt);
    }

    /** Opens an invited account of the tenant, with its set-up link (not yet mailed). */
    Invitation invite(Tenant tenant, String email, String displayName, Set<Role> roles) {
        NewAccount account = open(email, displayName, roles);
        String url = tenants.baseUrl(tenant) + "/account/setup?token=" + account.setupToken();
        return new Invitation(
                account.id(), new SetupLink(account.email(), url, account.expiresAt()), Delivery.notSent());
    }

    /** A new set-up link for an invited user (not yet mailed): earlier links stop working. */
    Invitation reissue(Tenant tenant, User user) {
        Instant now = clock.instant();
        setupTokens.expireUnused(user.id(), Purpose.SETUP, now);
        String token = tokens.newToken();
        Instant expiresAt = now.plus(properties.setupLinkValidity());
        setupTokens.insert(CurrentTenant.require(), Tokens.hash(token), user.id(), Purpose.SETUP, now, expiresAt);
        String url = tenants.baseUrl(tenant) + "/account/setup?token=" + token;
        return new Invitation(user.id(), new SetupLink(user.email(), url, expiresAt), Delivery.notSent());
    }

    Invitation mailed(Tenant tenant, Invitation invitation) {
        Delivery delivery = mailer.send(
                invitation.link().email(),
                "Your Trackwell account at " + tenant.displayName(),
                "You have been invited to Trackwell at " + tenant.displayName() + ".\n\n"
                        + "Choose your password here (the link works once, until "
                        + invitation.link().expiresAt()
                        + "):\n" + invitation.link().url() + "\n");
        return new Invitation(invitation.user(), invitation.link(), delivery);
    }

    boolean usable(String token) {
        return setupTokens
                .holder(Tokens.hash(token), Purpose.SETUP, clock.instant())
                .isPresent();
    }

    /** Redeems a set-up link: the password must pass every rule, and the link then stops working. */
    void complete(String token, String password) {
        Instant now = clock.instant();
        UserId user = setupTokens.redeem(Tokens.hash(token), Purpose.SETUP, now).orElseThrow(LinkNotValid::new);
        StoredAccount account = rows.findById(user).orElseThrow(LinkNotValid::new);
        if (account.status() == AccountStatus.DISABLED) {
            throw new LinkNotValid();
        }
        passwords.set(account, password);
        records.record(SignInRecords.Kind.PASSWORD_SET, Realm.actor(user), user);
    }
}
