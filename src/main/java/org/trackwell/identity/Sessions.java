package org.trackwell.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.identity.internal.Realm;
import org.trackwell.identity.internal.SessionRows;
import org.trackwell.identity.internal.SessionRows.LiveSession;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.Tokens;
import org.trackwell.shared.UserId;

/**
 * Opaque session tokens, of the current realm's accounts. A token ends at the tenant's idle timeout after its last use and in any
 * case at the session lifetime after sign-in. Use is written back at most once a minute, so a
 * session may end up to that much before the full idle timeout, never after it.
 */
@Service
public class Sessions {

    private final SessionRows rows;
    private final Tokens tokens;
    private final IdentityProperties properties;
    private final Clock clock;

    private final AuditTrail trail;

    Sessions(SessionRows rows, Tokens tokens, IdentityProperties properties, Clock clock, AuditTrail trail) {
        this.rows = rows;
        this.trail = trail;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    SessionToken open(TenantId tenant, UserId user, SecurityPolicy policy, Instant now) {
        String token = tokens.newToken();
        Instant expiresAt = now.plus(properties.sessionLifetime());
        rows.insert(tenant, Tokens.hash(token), user, now, expiresAt);
        return new SessionToken(token, expiresAt, policy.idleTimeoutSeconds());
    }

    void verified(SignedInUser user, Instant now) {
        rows.verified(user.sessionKey(), now);
    }

    @Transactional
    public Optional<SignedInUser> authenticate(String token) {
        String key = Tokens.hash(token);
        Instant now = clock.instant();
        Optional<LiveSession> found = rows.live(
                key,
                properties.defaultSecondFactorRoles(),
                Realm.installation(),
                properties.defaultTerms() && !Realm.installation());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LiveSession session = found.get();
        int idle = session.idleTimeoutSeconds() != null
                ? session.idleTimeoutSeconds()
                : SecurityPolicy.defaults().idleTimeoutSeconds();
        if (!now.isBefore(session.expiresAt())
                || !now.isBefore(session.lastUsedAt().plusSeconds(idle))) {
            return Optional.empty();
        }
        if (Duration.between(session.lastUsedAt(), now).compareTo(properties.lastUsedWriteInterval()) >= 0) {
            rows.touch(key, now);
        }
        return Optional.of(new SignedInUser(
                CurrentTenant.require(),
                session.user(),
                session.email(),
                session.displayName(),
                session.roles(),
                session.teams(),
                key,
                session.expiresAt(),
                idle,
                session.termsAccepted(),
                session.verifiedAt(),
                session.mustEnrolSecondFactor(),
                false,
                Set.of()));
    }

    @Transactional
    public void signOut(SignedInUser user) {
        rows.revoke(user.sessionKey(), clock.instant());
        trail.record(AuditAction.SIGN_IN_SIGNED_OUT, Realm.target(user.id()), Outcome.SUCCESS);
    }

    /** Keeps the session alive now (the page's "stay signed in"). */
    @Transactional
    public void keepAlive(SignedInUser user) {
        rows.touch(user.sessionKey(), clock.instant());
    }
}
