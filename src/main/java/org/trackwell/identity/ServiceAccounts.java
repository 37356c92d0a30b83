package org.trackwell.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.identity.internal.ApiClient;
import org.trackwell.identity.internal.ApiClientNotFound;
import org.trackwell.identity.internal.ApiClientRefused;
import org.trackwell.identity.internal.ApiClientRows;
import org.trackwell.identity.internal.CallWindows;
import org.trackwell.identity.internal.IssuedKey;
import org.trackwell.identity.internal.NewApiClient;
import org.trackwell.identity.internal.PasswordHasher;
import org.trackwell.identity.internal.TeamRows;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.ServiceTimeZone;
import org.trackwell.shared.Tokens;
import org.trackwell.shared.UserId;

/**
 * Service accounts: API clients another system calls Trackwell as, with a bearer key
 * ({@code twk_<key id>_<secret>}). A tenant admin makes them, rotates their keys with an overlap
 * and revokes them. A key is 256 random bits, stored only as HMAC-SHA-256 under the installation's
 * pepper: a slow hash such as Argon2id defends guessable passwords, and a random key cannot be
 * guessed, so it would only cost every call 50 ms and the service its memory.
 */
@Service
public class ServiceAccounts {

    /** The longest a key may live before an admin renews the account. */
    public static final Duration LONGEST_LIFE = Duration.ofDays(731);

    /** The longest an old key keeps working after a rotation. */
    public static final Duration LONGEST_OVERLAP = Duration.ofDays(30);

    private static final Pattern KEY = Pattern.compile("twk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");
    private static final int LONGEST_NAME = 100;

    private final ApiClientRows rows;
    private final TeamRows teams;
    private final PasswordHasher hasher;
    private final CallWindows windows;
    private final AuditTrail trail;
    private final Tokens tokens;
    private final Ids ids;
    private final Clock clock;
    private final ServiceTimeZone zone;

    ServiceAccounts(
            ApiClientRows rows,
            TeamRows teams,
            PasswordHasher hasher,
            CallWindows windows,
            AuditTrail trail,
            Tokens tokens,
            Ids ids,
            Clock clock,
            ServiceTimeZone zone) {
        this.rows = rows;
        this.teams = teams;
        this.hasher = hasher;
        this.windows = windows;
        this.trail = trail;
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public IssuedKey create(SignedInUser admin, NewApiClient client) {
        Instant now = clock.instant();
        Instant expiresAt =
                client.expiresOn().plusDays(1).atStartOfDay(zone.zone()).toInstant();
        check(client, now, expiresAt);
        UUID id = ids.next();
        rows.insert(CurrentTenant.require(), id, client, expiresAt, now, admin.id());
        IssuedKey key = newKey(id, now);
        trail.record(AuditAction.API_CLIENT_CREATED, target(id), Outcome.SUCCESS);
        return key;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public List<ApiClient> list() {
        return rows.all();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public ApiClient get(UUID id) {
        return rows.find(id).orElseThrow(ApiClientNotFound::new);
    }

    /** A new key; every older key keeps working for {@code overlap}, then stops. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public IssuedKey rotate(UUID id, Duration overlap) {
        ApiClient client = get(id);
        if (client.revoked()) {
            throw new ApiClientRefused("This service account is revoked; make a new one instead.");
        }
        if (overlap.isNegative() || overlap.compareTo(LONGEST_OVERLAP) > 0) {
            throw new ApiClientRefused("The overlap must be between 0 and " + LONGEST_OVERLAP.toDays() + " days.");
        }
        Instant now = clock.instant();
        rows.retireKeys(id, now.plus(overlap));
        IssuedKey key = newKey(id, now);
        trail.record(AuditAction.API_CLIENT_KEY_ROTATED, target(id), Outcome.SUCCESS);
        return key;
    }

    /** Every key of the account stops at once. */
    @Transactional
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void revoke(UUID id) {
        ApiClient client = get(id);
        if (!client.revoked()) {
            rows.revoke(id, clock.instant());
            trail.record(AuditAction.API_CLIENT_REVOKED, target(id), Outcome.SUCCESS);
        }
    }

    /**
     * The service account a presented key belongs to, if the key is current, the account is
     * neither revoked nor expired, and it belongs to this tenant. Every refusal looks the same.
     */
    @Transactional(readOnly = true)
    public Optional<SignedInUser> authenticate(String presented) {
        byte[] hash = hasher.keyedHash(presented).getBytes(StandardCharsets.US_ASCII);
        Matcher parts = KEY.matcher(presented);
        if (!parts.matches()) {
            return Optional.empty();
        }
        String hex = parts.group(1);
        UUID keyId = new UUID(
                Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
        Instant now = clock.instant();
        return rows.key(keyId)
                .filter(key -> MessageDigest.isEqual(hash, key.secretHash().getBytes(StandardCharsets.US_ASCII)))
                .filter(key -> key.retiresAt() == null || now.isBefore(key.retiresAt()))
                .map(ApiClientRows.LiveKey::client)
                .filter(client -> !client.revoked() && !client.expiredAt(now))
                .map(client -> asCaller(client, now));
    }

    /** Whether this call is within the account's calls a minute; the first one over is recorded. */
    @Transactional
    public boolean withinLimit(SignedInUser account) {
        int limit =
                rows.find(account.id().value()).map(ApiClient::callsPerMinute).orElse(0);
        return switch (windows.count(account.id().value(), limit)) {
            case ALLOWED -> true;
            case FIRST_REFUSED -> {
                trail.record(
                        AuditAction.API_CLIENT_RATE_LIMITED, target(account.id().value()), Outcome.DENIED);
                yield false;
            }
            case REFUSED -> false;
        };
    }

    public static String key(UUID keyId, String secret) {
        return "twk_" + keyId.toString().replace("-", "") + "_" + secret;
    }

    private IssuedKey newKey(UUID client, Instant now) {
        UUID keyId = ids.next();
        String key = key(keyId, tokens.newToken());
        rows.insertKey(CurrentTenant.require(), keyId, client, hasher.keyedHash(key), now);
        return new IssuedKey(client, key);
    }

    private void check(NewApiClient client, Instant now, Instant expiresAt) {
        String name = client.name().strip();
        if (name.isEmpty() || name.length() > LONGEST_NAME) {
            throw new ApiClientRefused("Give the service account a name of up to " + LONGEST_NAME + " characters.");
        }
        if (client.scopes().isEmpty()) {
            throw new ApiClientRefused("Choose at least one thing the service account may do.");
        }
        Set<UUID> known = teams.all().stream().map(Team::id).collect(Collectors.toSet());
        if (client.teams().isEmpty() || !known.containsAll(client.teams())) {
            throw new ApiClientRefused("Choose at least one of your teams: the account reaches only their clients.");
        }
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(LONGEST_LIFE))) {
            throw new ApiClientRefused("The expiry must be a date from today to two years ahead.");
        }
        if (client.callsPerMinute() < 1 || client.callsPerMinute() > 10_000) {
            throw new ApiClientRefused("Calls a minute must be between 1 and 10,000.");
        }
    }

    /**
     * The account as every request sees a caller: a manager of its teams (so it reaches their
     * clients and no others) whose scopes decide which API routes it may call. It has confirmed
     * who it is just now, since it presents its key on every call.
     */
    private static SignedInUser asCaller(ApiClient client, Instant now) {
        return new SignedInUser(
                CurrentTenant.require(),
                new UserId(client.id()),
                "",
                client.name(),
                Set.of(Role.MANAGER),
                client.teams(),
                "",
                client.expiresAt(),
                0,
                true,
                now,
                false,
                true,
                client.scopes());
    }

    private static String target(UUID client) {
        return "api-client:" + client;
    }
}
