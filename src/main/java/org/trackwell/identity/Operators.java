package org.trackwell.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.trackwell.audit.Actor;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.identity.internal.OperatorRows;
import org.trackwell.identity.internal.PasswordHasher;
import org.trackwell.identity.internal.PasswordRules;
import org.trackwell.identity.internal.SignInRecords;
import org.trackwell.identity.internal.StoredAccount;
import org.trackwell.identity.internal.Totp;
import org.trackwell.keys.EncryptedText;
import org.trackwell.keys.InstallationSealedFields;
import org.trackwell.keys.InstallationSecrets;
import org.trackwell.shared.Ids;
import org.trackwell.shared.Tokens;
import org.trackwell.shared.UserId;

/**
 * Operator accounts: platform staff who sign in on the operator's host, outside every tenant, with
 * the same password rules, lockout, address blocking and session expiry as tenant users. Their
 * events go to the operator's audit stream.
 */
@Service
public class Operators {

    private static final SecurityPolicy POLICY = SecurityPolicy.defaults();
    private static final String TOTP_TABLE = "operator_totp";

    private final OperatorRows rows;
    private final PasswordHasher hasher;
    private final PasswordRules rules;
    private final SignInRecords records;
    private final AuditTrail trail;
    private final Tokens tokens;
    private final Ids ids;
    private final IdentityProperties properties;
    private final Clock clock;
    private final InstallationSecrets secrets;
    private final SecureRandom random;
    private final TransactionTemplate transactions;

    Operators(
            OperatorRows rows,
            PasswordHasher hasher,
            PasswordRules rules,
            SignInRecords records,
            AuditTrail trail,
            Tokens tokens,
            Ids ids,
            IdentityProperties properties,
            Clock clock,
            InstallationSecrets secrets,
            SecureRandom random,
            PlatformTransactionManager transactionManager) {
        this.secrets = secrets;
        this.random = random;
        this.rows = rows;
        this.hasher = hasher;
        this.rules = rules;
        this.records = records;
        this.trail = trail;
        this.tokens = tokens;
        this.ids = ids;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Adds an operator and returns their one-time set-up token, valid for the set-up link's time. */
    @Transactional
    /** Where the installation's own alerts go (failed backups): every active operator's e-mail. */
    public List<String> emails() {
        return rows.activeEmails();
    }

    public String add(String email) {
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        if (!normalised.matches("[^@\\s]{1,64}@[^@\\s]{1,255}")) {
            throw new AccountChangeRefused("That is not an e-mail address.");
        }
        if (rows.exists(normalised)) {
            throw new AccountChangeRefused("There is already an operator with that e-mail address.");
        }
        UserId id = new UserId(ids.next());
        Instant now = clock.instant();
        rows.insert(id, normalised, now);
        String token = tokens.newToken();
        rows.insertSetupToken(Tokens.hash(token), id, now.plus(properties.setupLinkValidity()));
        trail.record(AuditAction.OPERATOR_ADDED, "operator:" + id, Outcome.SUCCESS);
        return token;
    }

    @Transactional
    public void completeSetup(String token, String password) {
        UserId id = rows.redeem(Tokens.hash(token), clock.instant()).orElseThrow(LinkNotValid::new);
        String email = rows.emailOf(id).orElseThrow(LinkNotValid::new);
        List<String> failures =
                rules.failures(password, new PasswordRules.Context(email, "Operator", "Trackwell"), POLICY);
        if (!failures.isEmpty()) {
            throw new PasswordRejected(failures);
        }
        rows.setPassword(id, hasher.hash(password));
        trail.recordAs(operatorActor(id), AuditAction.SIGN_IN_PASSWORD_SET, "operator:" + id, Outcome.SUCCESS);
    }

    /**
     * Signs an operator in; every failure looks the same, as for tenant users. Operators always use
     * a second factor: with an authenticator set up, the answer is a challenge; without one, a
     * session that can do nothing but set one up.
     */
    public SignInResult signIn(String email, String password, ClientInfo client) {
        Instant now = clock.instant();
        Optional<Instant> blocked = transactional(() -> records.blockedUntil(client.address(), now));
        if (blocked.isPresent()) {
            throw new TooManyAttempts(Duration.between(now, blocked.get()));
        }
        Optional<StoredAccount> account =
                transactional(() -> rows.findByEmail(email.strip().toLowerCase(Locale.ROOT)));
        boolean right;
        if (account.isPresent() && account.get().mayAttemptSignIn(now)) {
            right = hasher.matches(password, account.get().hashToCheck());
        } else {
            hasher.matchNothing(password);
            right = false;
        }
        if (!right) {
            transactional(() -> failed(account, client, now));
            throw new SignInFailed();
        }
        UserId id = account.get().id();
        return transactional(() -> {
            if (rows.totp(id).filter(OperatorRows.OperatorTotp::confirmed).isPresent()) {
                String challenge = tokens.newToken();
                Instant expiresAt = now.plus(properties.secondFactorChallengeValidity());
                rows.insertChallenge(Tokens.hash(challenge), id, expiresAt);
                records.recordOperator(SignInRecords.Kind.SECOND_FACTOR_REQUIRED, operatorActor(id), id);
                return new SignInResult.SecondFactorNeeded(challenge, expiresAt);
            }
            return new SignInResult.SignedIn(openSession(id, now));
        });
    }

    /** The second step: a code from the operator's authenticator app for the challenge. */
    public SessionToken completeSecondFactor(String challenge, String code, ClientInfo client) {
        Instant now = clock.instant();
        String key = Tokens.hash(challenge);
        Optional<Instant> blocked = transactional(() -> records.blockedUntil(client.address(), now));
        if (blocked.isPresent()) {
            throw new TooManyAttempts(Duration.between(now, blocked.get()));
        }
        Optional<StoredAccount> account =
                transactional(() -> rows.openChallenge(key, now).flatMap(rows::findById));
        Optional<SessionToken> session = account.filter(a -> a.mayAttemptSignIn(now))
                .flatMap(operator ->
                        transactional(() -> codeAccepted(operator.id(), code, now) && rows.useChallenge(key, now)
                                ? Optional.of(openSession(operator.id(), now))
                                : Optional.<SessionToken>empty()));
        if (session.isEmpty()) {
            transactional(() -> failed(account, client, now));
            throw SignInFailed.wrongCode();
        }
        return session.get();
    }

    /** Starts setting up the operator's authenticator app; it counts once a code is confirmed. */
    @Transactional
    public TotpEnrolment startTotp(SignedInOperator operator) {
        if (rows.totp(operator.id())
                .filter(OperatorRows.OperatorTotp::confirmed)
                .isPresent()) {
            throw new SecondFactorRejected("You already use an authenticator app.");
        }
        byte[] secret = new byte[Totp.SECRET_BYTES];
        random.nextBytes(secret);
        String text = Totp.base32(secret);
        rows.savePendingTotp(
                operator.id(), secrets.seal(TOTP_TABLE, "secret", operator.id().toString(), text), clock.instant());
        trail.recordAs(operator.asActor(), AuditAction.MFA_TOTP_STARTED, "operator:" + operator.id(), Outcome.SUCCESS);
        String label = URLEncoder.encode("Trackwell operators:" + operator.email(), StandardCharsets.UTF_8)
                .replace("+", "%20");
        return new TotpEnrolment(
                text,
                "otpauth://totp/" + label + "?secret=" + text
                        + "&issuer=Trackwell%20operators&algorithm=SHA1&digits=6&period=30");
    }

    @Transactional
    public void confirmTotp(SignedInOperator operator, String code) {
        OperatorRows.OperatorTotp pending = rows.totp(operator.id())
                .filter(totp -> !totp.confirmed())
                .orElseThrow(() -> new SecondFactorRejected("Start setting up an authenticator app first."));
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(secretOf(operator.id(), pending), code.strip(), now, 0);
        if (step.isEmpty()) {
            throw new SecondFactorRejected("That code is not right. Check the app's clock and try the newest code.");
        }
        rows.confirmTotp(operator.id(), step.getAsLong(), now);
        trail.recordAs(
                operator.asActor(), AuditAction.MFA_TOTP_CONFIRMED, "operator:" + operator.id(), Outcome.SUCCESS);
    }

    /** For a lost phone: the operator's authenticator is removed and their sessions end. */
    @Transactional
    public void resetSecondFactor(String email) {
        StoredAccount operator = rows.findByEmail(email.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new AccountChangeRefused("There is no operator with that e-mail address."));
        rows.removeTotp(operator.id(), clock.instant());
        trail.record(AuditAction.MFA_RESET, "operator:" + operator.id(), Outcome.SUCCESS);
    }

    /** Authenticator secrets are sealed under the master key: its rotation seals them again. */
    @Component
    static class OperatorSecrets implements InstallationSealedFields {

        private final OperatorRows rows;

        OperatorSecrets(OperatorRows rows) {
            this.rows = rows;
        }

        @Override
        public List<SealedSecret> sealedUnderMasterKey() {
            return rows.secrets().stream()
                    .map(entry -> new SealedSecret(
                            TOTP_TABLE, "secret", entry.getKey().toString(), entry.getValue()))
                    .toList();
        }

        @Override
        public void replace(SealedSecret secret, EncryptedText resealed) {
            rows.replaceSecret(new UserId(UUID.fromString(secret.row())), resealed);
        }
    }

    private boolean codeAccepted(UserId operator, String code, Instant now) {
        OperatorRows.OperatorTotp totp =
                rows.totp(operator).filter(OperatorRows.OperatorTotp::confirmed).orElse(null);
        if (totp == null) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(secretOf(operator, totp), code.strip(), now, totp.lastUsedStep());
        return step.isPresent() && rows.useStep(operator, step.getAsLong());
    }

    private byte[] secretOf(UserId operator, OperatorRows.OperatorTotp totp) {
        return Totp.fromBase32(secrets.open(TOTP_TABLE, "secret", operator.toString(), totp.secret()));
    }

    private SessionToken openSession(UserId id, Instant now) {
        rows.clearFailures(id);
        String token = tokens.newToken();
        Instant expiresAt = now.plus(properties.sessionLifetime());
        rows.openSession(Tokens.hash(token), id, now, expiresAt);
        records.recordOperator(SignInRecords.Kind.SIGNED_IN, operatorActor(id), id);
        return new SessionToken(token, expiresAt, POLICY.idleTimeoutSeconds());
    }

    @Transactional
    public Optional<SignedInOperator> authenticate(String token) {
        String key = Tokens.hash(token);
        Instant now = clock.instant();
        return rows.live(key)
                .filter(session -> now.isBefore(session.expiresAt())
                        && now.isBefore(session.lastUsedAt().plusSeconds(POLICY.idleTimeoutSeconds())))
                .map(session -> {
                    if (Duration.between(session.lastUsedAt(), now).compareTo(properties.lastUsedWriteInterval())
                            >= 0) {
                        rows.touch(key, now);
                    }
                    return new SignedInOperator(
                            session.operator(), session.email(), key, session.mustEnrolSecondFactor());
                });
    }

    @Transactional
    public void signOut(SignedInOperator operator) {
        rows.revoke(operator.sessionKey(), clock.instant());
        trail.recordAs(
                operator.asActor(), AuditAction.SIGN_IN_SIGNED_OUT, "operator:" + operator.id(), Outcome.SUCCESS);
    }

    private Void failed(Optional<StoredAccount> account, ClientInfo client, Instant now) {
        records.record(SignInRecords.Kind.FAILED, Actor.anonymous(), null);
        account.filter(a -> a.status() == AccountStatus.ACTIVE && !a.lockedAt(now))
                .ifPresent(a -> {
                    int[] counts = rows.countFailure(a.id());
                    if (counts[0] >= POLICY.lockoutThreshold()) {
                        rows.lock(a.id(), now.plus(POLICY.lockDuration(counts[1] + 1)));
                        records.recordOperator(SignInRecords.Kind.LOCKED, Actor.system(), a.id());
                    }
                });
        long recent = records.countAttempt(client.address(), now, now.minus(properties.addressFailureWindow()));
        if (recent >= properties.addressFailureLimit()) {
            records.block(client.address(), now.plus(properties.addressBlock()));
        }
        return null;
    }

    private static Actor operatorActor(UserId id) {
        return new Actor(Actor.Type.OPERATOR, id.toString(), "OPERATOR");
    }

    /** Operator work runs with no tenant current: it sees only operator tables and stream. */
    private <T> T transactional(java.util.function.Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
