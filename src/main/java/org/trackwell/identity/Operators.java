package org.trackwell.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.database.TenantTransactions;
import org.trackwell.identity.internal.AccountRows;
import org.trackwell.identity.internal.Realm;
import org.trackwell.identity.internal.StoredAccount;
import org.trackwell.shared.CurrentTenant;

/**
 * Operators: platform staff, the accounts of the installation realm. They share the tenants'
 * accounts, passwords, second factors, lockout, address blocking and sessions, rule for rule. What
 * is theirs: they always use a second factor, sign in only on the operator's host, and act outside
 * every tenant. Each call here runs in the installation realm, which holds no tenant's rows and
 * whose rows no tenant sees; their events go to the operator's audit stream.
 */
@Service
public class Operators {

    private static final String DISPLAY_NAME = "Operator";

    private final SetupLinks links;
    private final AccountRows rows;
    private final SignIn signIn;
    private final Sessions sessions;
    private final SecondFactors secondFactors;
    private final TenantTransactions transactions;
    private final AuditTrail trail;

    Operators(
            SetupLinks links,
            AccountRows rows,
            SignIn signIn,
            Sessions sessions,
            SecondFactors secondFactors,
            TenantTransactions transactions,
            AuditTrail trail) {
        this.links = links;
        this.rows = rows;
        this.signIn = signIn;
        this.sessions = sessions;
        this.secondFactors = secondFactors;
        this.transactions = transactions;
        this.trail = trail;
    }

    /** Where the installation's own alerts go (failed backups): every active operator's e-mail. */
    public List<String> emails() {
        return inRealm(rows::activeEmails);
    }

    /** Adds an operator and returns their one-time set-up token, valid for the set-up link's time. */
    public String add(String email) {
        return inRealm(() -> {
            SetupLinks.NewAccount operator = links.open(email, DISPLAY_NAME, Set.of());
            trail.record(AuditAction.OPERATOR_ADDED, Realm.target(operator.id()), Outcome.SUCCESS);
            return operator.setupToken();
        });
    }

    public void completeSetup(String token, String password) {
        inRealm(() -> {
            links.complete(token, password);
            return null;
        });
    }

    /**
     * With an authenticator set up, the answer is a challenge; without one, a session that can do
     * nothing but set one up ({@link AccountGate}).
     */
    public SignInResult signIn(String email, String password, ClientInfo client) {
        return asRealm(() -> signIn.signIn(email, password, client));
    }

    public SessionToken completeSecondFactor(String challenge, String code, ClientInfo client) {
        return asRealm(() -> signIn.completeSecondFactor(challenge, code, client));
    }

    public TotpEnrolment startTotp(SignedInOperator operator) {
        return inRealm(() -> secondFactors.startTotp(operator.session()));
    }

    public void confirmTotp(SignedInOperator operator, String code) {
        inRealm(() -> {
            secondFactors.confirmApp(operator.session(), code);
            return null;
        });
    }

    /** For a lost phone: the operator's authenticator is removed and their sessions end. */
    public void resetSecondFactor(String email) {
        inRealm(() -> {
            StoredAccount operator = rows.findByEmail(email.strip().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new AccountChangeRefused("There is no operator with that e-mail address."));
            secondFactors.remove(operator);
            return null;
        });
    }

    public Optional<SignedInOperator> authenticate(String token) {
        return inRealm(() -> sessions.authenticate(token)).map(SignedInOperator::new);
    }

    public void signOut(SignedInOperator operator) {
        inRealm(() -> {
            sessions.signOut(operator.session());
            return null;
        });
    }

    private <T> T inRealm(Supplier<T> work) {
        return transactions.inTenant(Realm.INSTALLATION, work);
    }

    /** For sign-in, which opens its own transactions: no connection is held while a hash runs. */
    private static <T> T asRealm(Supplier<T> work) {
        try (CurrentTenant.Scope scope = CurrentTenant.enter(Realm.INSTALLATION)) {
            return work.get();
        }
    }
}
