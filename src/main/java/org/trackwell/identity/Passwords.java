package org.trackwell.identity;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.identity.internal.AccountRows;
import org.trackwell.identity.internal.PasswordHasher;
import org.trackwell.identity.internal.SessionRows;
import org.trackwell.identity.internal.SignInRecords;
import org.trackwell.identity.internal.StoredAccount;

/** A signed-in user changing their own password. */
@Service
public class Passwords {

    private final AccountRows accounts;
    private final PasswordHasher hasher;
    private final PasswordSetter setter;
    private final SessionRows sessions;
    private final SignInRecords records;
    private final Clock clock;

    Passwords(
            AccountRows accounts,
            PasswordHasher hasher,
            PasswordSetter setter,
            SessionRows sessions,
            SignInRecords records,
            Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.setter = setter;
        this.sessions = sessions;
        this.records = records;
        this.clock = clock;
    }

    /** Changes the password after checking the current one; every other session of the user ends. */
    @Transactional
    public void change(SignedInUser user, String currentPassword, String newPassword) {
        StoredAccount account = accounts.findById(user.id()).orElseThrow(UserNotFound::new);
        if (account.passwordHash() == null || !hasher.matches(currentPassword, account.passwordHash())) {
            throw new PasswordRejected(List.of("Your current password is not right."));
        }
        setter.set(account, newPassword);
        sessions.revokeAllOf(user.id(), user.sessionKey(), clock.instant());
        records.record(SignInRecords.Kind.PASSWORD_CHANGED, user.asActor(), user.id());
    }

    /** The rules a candidate password breaks, for the page that shows them as the user types. */
    @Transactional(readOnly = true)
    public List<String> check(SignedInUser user, String candidate) {
        return accounts.findById(user.id())
                .map(account -> setter.failures(account, candidate))
                .orElse(List.of());
    }
}
