package org.trackwell.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.identity.internal.AccountRows;
import org.trackwell.identity.internal.PasswordHasher;
import org.trackwell.identity.internal.Realm;
import org.trackwell.identity.internal.SecondFactorRows;
import org.trackwell.identity.internal.SecondFactorRows.StoredTotp;
import org.trackwell.identity.internal.SessionRows;
import org.trackwell.identity.internal.StoredAccount;
import org.trackwell.identity.internal.Totp;
import org.trackwell.mail.Mailer;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.QrCode;
import org.trackwell.shared.UserId;
import org.trackwell.tenancy.Tenants;

/**
 * Second factors: an authenticator app (TOTP) with ten single-use recovery codes. The secret is
 * sealed by the keys module; recovery codes are kept only as keyed hashes.
 */
@Service
public class SecondFactors {

    private static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final SecondFactorRows rows;
    private final AccountRows accounts;
    private final SessionRows sessions;
    private final TotpSecrets secrets;
    private final PasswordHasher hasher;
    private final Tenants tenants;
    private final SecureRandom random;
    private final Clock clock;
    private final AuditTrail trail;
    private final Mailer mailer;

    private final Passkeys passkeys;

    SecondFactors(
            SecondFactorRows rows,
            AccountRows accounts,
            SessionRows sessions,
            TotpSecrets secrets,
            PasswordHasher hasher,
            Tenants tenants,
            SecureRandom random,
            Clock clock,
            AuditTrail trail,
            Mailer mailer,
            Passkeys passkeys) {
        this.passkeys = passkeys;
        this.rows = rows;
        this.accounts = accounts;
        this.sessions = sessions;
        this.secrets = secrets;
        this.hasher = hasher;
        this.tenants = tenants;
        this.random = random;
        this.clock = clock;
        this.trail = trail;
        this.mailer = mailer;
    }

    /** Starts setting up an authenticator app; it counts only once a code from it is confirmed. */
    @Transactional
    public TotpEnrolment startTotp(SignedInUser user) {
        if (rows.totp(user.id()).filter(StoredTotp::confirmed).isPresent()) {
            throw new SecondFactorRejected(
                    "You already use an authenticator app. Ask an administrator to reset it to set up another.");
        }
        byte[] secret = new byte[Totp.SECRET_BYTES];
        random.nextBytes(secret);
        String text = Totp.base32(secret);
        rows.savePending(user.tenant(), user.id(), secrets.seal(user.id(), text), clock.instant());
        trail.record(AuditAction.MFA_TOTP_STARTED, Realm.target(user.id()), Outcome.SUCCESS);
        return new TotpEnrolment(text, otpauthUri(user, text));
    }

    /** The authenticator app being set up, if one is. */
    @Transactional(readOnly = true)
    public Optional<TotpEnrolment> pending(SignedInUser user) {
        return rows.totp(user.id()).filter(totp -> !totp.confirmed()).map(pending -> {
            String secret = secrets.open(user.id(), pending.secret());
            return new TotpEnrolment(secret, otpauthUri(user, secret));
        });
    }

    /** The pending enrolment's URI as a QR code (PNG), for the app to scan. */
    @Transactional(readOnly = true)
    public byte[] pendingQrCode(SignedInUser user) {
        String uri = pending(user)
                .orElseThrow(() -> new SecondFactorRejected("Start setting up an authenticator app first."))
                .otpauthUri();
        return QrCode.png(uri, 240);
    }

    /** Turns the pending authenticator on with a code from it; returns the recovery codes, once. */
    @Transactional
    public List<String> confirmTotp(SignedInUser user, String code) {
        confirmApp(user, code);
        List<String> codes = newRecoveryCodes(user.id());
        mailer.send(
                user.email(),
                "Two-factor sign-in is on",
                "Your Trackwell account now asks for a code from your authenticator app when you sign in.\n"
                        + "If this was not you, tell your administrator at once.\n");
        return codes;
    }

    /** Turns the pending authenticator on with a code from it (operators have no recovery codes yet). */
    void confirmApp(SignedInUser user, String code) {
        StoredTotp pending = rows.totp(user.id())
                .filter(totp -> !totp.confirmed())
                .orElseThrow(() -> new SecondFactorRejected("Start setting up an authenticator app first."));
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(secretOf(user.id(), pending), code.strip(), now, 0);
        if (step.isEmpty()) {
            trail.record(AuditAction.MFA_TOTP_CONFIRMED, Realm.target(user.id()), Outcome.FAILED);
            throw new SecondFactorRejected("That code is not right. Check the app's clock and try the newest code.");
        }
        rows.confirm(user.id(), step.getAsLong(), now);
        trail.record(AuditAction.MFA_TOTP_CONFIRMED, Realm.target(user.id()), Outcome.SUCCESS);
    }

    /** A new set of recovery codes; the old set stops working. */
    @Transactional
    public List<String> replaceRecoveryCodes(SignedInUser user) {
        if (!enrolled(user.id())) {
            throw new SecondFactorRejected("Set up an authenticator app first.");
        }
        List<String> codes = newRecoveryCodes(user.id());
        trail.record(AuditAction.MFA_RECOVERY_CODES_REPLACED, "user:" + user.id(), Outcome.SUCCESS);
        return codes;
    }

    @Transactional(readOnly = true)
    public SecondFactorStatus status(UserId user) {
        return new SecondFactorStatus(
                rows.totp(user).filter(StoredTotp::confirmed).isPresent(),
                passkeys.of(user).size(),
                rows.unusedRecoveryCodes(user));
    }

    /** An administrator removes a user's second factor (a lost phone); their sessions end. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void reset(UserId user) {
        remove(accounts.findById(user).orElseThrow(UserNotFound::new));
    }

    /** Removes every second factor of the account (a lost phone) and ends its sessions. */
    void remove(StoredAccount account) {
        UserId user = account.id();
        rows.removeAll(user);
        passkeys.removeAll(user);
        sessions.revokeAllOf(user, "", clock.instant());
        trail.record(AuditAction.MFA_RESET, Realm.target(user), Outcome.SUCCESS);
        mailer.send(
                account.email(),
                "Your two-factor sign-in was reset",
                "An administrator removed the authenticator app and passkeys from your Trackwell account.\n"
                        + "You will be asked to set one up again when you next sign in.\n"
                        + "If you did not ask for this, tell your administrator at once.\n");
    }

    /** Whether the user has a second factor: a confirmed authenticator app, or a passkey. */
    boolean enrolled(UserId user) {
        return rows.totp(user).filter(StoredTotp::confirmed).isPresent() || passkeys.any(user);
    }

    /**
     * Whether {@code code} is a current code of the user's authenticator or one of their unused
     * recovery codes; either is then used up. Must run in the tenant's transaction.
     */
    boolean accepts(StoredAccount account, String code) {
        String input = code.strip();
        StoredTotp totp = rows.totp(account.id()).filter(StoredTotp::confirmed).orElse(null);
        if (totp == null) {
            return false;
        }
        Instant now = clock.instant();
        if (Totp.looksLikeCode(input)) {
            OptionalLong step = Totp.matchingStep(secretOf(account.id(), totp), input, now, totp.lastUsedStep());
            return step.isPresent() && rows.useStep(account.id(), step.getAsLong());
        }
        String normalised = input.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (normalised.isEmpty() || !rows.useRecoveryCode(account.id(), hasher.keyedHash(normalised), now)) {
            return false;
        }
        trail.record(AuditAction.MFA_RECOVERY_CODE_USED, "user:" + account.id(), Outcome.SUCCESS);
        mailer.send(
                account.email(),
                "A recovery code was used",
                "One of your Trackwell recovery codes was used to sign in. You have "
                        + rows.unusedRecoveryCodes(account.id()) + " left.\n"
                        + "If this was not you, tell your administrator at once.\n");
        return true;
    }

    private List<String> newRecoveryCodes(UserId user) {
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
            }
            hashes.add(hasher.keyedHash(code.toString()));
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        rows.replaceRecoveryCodes(CurrentTenant.require(), user, hashes);
        return codes;
    }

    private byte[] secretOf(UserId user, StoredTotp totp) {
        return Totp.fromBase32(secrets.open(user, totp.secret()));
    }

    private String otpauthUri(SignedInUser user, String secret) {
        String issuer = Realm.isInstallation(user.tenant())
                ? "Trackwell operators"
                : "Trackwell "
                        + tenants.byId(user.tenant()).map(t -> t.displayName()).orElse("");
        String label = URLEncoder.encode(issuer.strip() + ":" + user.email(), StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
                + URLEncoder.encode(issuer.strip(), StandardCharsets.UTF_8).replace("+", "%20")
                + "&algorithm=SHA1&digits=6&period=30";
    }
}
