package org.trackwell.identity;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.identity.internal.AccountRows;
import org.trackwell.identity.internal.PasskeyRows;
import org.trackwell.identity.internal.PasskeyRows.StoredPasskey;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.Ids;
import org.trackwell.shared.NothingHere;
import org.trackwell.shared.UserId;

/**
 * Passkeys (WebAuthn, verified with webauthn4j) as a second factor beside or instead of an
 * authenticator app. A user may register several, name them and remove them. Only the public key
 * and the signature counter are stored; each ceremony's challenge is random, single use and lives
 * five minutes.
 */
@Service
public class Passkeys {

    private static final Duration CEREMONY = Duration.ofMinutes(5);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    private final PasskeyRows rows;
    private final AccountRows accounts;
    private final AuditTrail trail;
    private final Ids ids;
    private final SecureRandom random;
    private final Clock clock;
    private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager();
    private final AttestedCredentialDataConverter credentials =
            new AttestedCredentialDataConverter(new ObjectConverter());

    Passkeys(PasskeyRows rows, AccountRows accounts, AuditTrail trail, Ids ids, SecureRandom random, Clock clock) {
        this.rows = rows;
        this.accounts = accounts;
        this.trail = trail;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
    }

    /** Where the ceremony happens: the tenant's host name and the page's origin. */
    public record RelyingParty(String id, String origin) {}

    /** A ceremony's id and the options for {@code navigator.credentials}, in WebAuthn's JSON form. */
    public record Ceremony(UUID id, Map<String, Object> options) {}

    public record Passkey(
            UUID id,
            String name,
            Instant createdAt,
            @Nullable Instant lastUsedAt) {}

    @Transactional
    public Ceremony startRegistration(SignedInUser user, RelyingParty rp) {
        User account = accounts.user(user.id()).orElseThrow(UserNotFound::new);
        Started started = challenge(user.id(), "REGISTER");
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", B64.encodeToString(started.challenge()));
        options.put("rp", Map.of("id", rp.id(), "name", "Trackwell"));
        options.put(
                "user",
                Map.of(
                        "id", B64.encodeToString(uuidBytes(user.id().value())),
                        "name", account.email(),
                        "displayName", account.displayName()));
        options.put(
                "pubKeyCredParams",
                List.of(Map.of("type", "public-key", "alg", -7), Map.of("type", "public-key", "alg", -257)));
        options.put("timeout", CEREMONY.toMillis());
        options.put("attestation", "none");
        options.put("excludeCredentials", descriptors(user.id()));
        options.put("authenticatorSelection", Map.of("residentKey", "preferred", "userVerification", "preferred"));
        return new Ceremony(started.id(), options);
    }

    /** Verifies the new credential against the ceremony's challenge and keeps it under the name given. */
    @Transactional
    public Passkey finishRegistration(
            SignedInUser user, UUID ceremony, @Nullable String name, String response, RelyingParty rp) {
        String label = name == null || name.isBlank() ? "Passkey" : name.strip();
        if (label.length() > 60) {
            throw new SecondFactorRejected("Give the passkey a name of up to 60 characters.");
        }
        byte[] challenge = rows.takeChallenge(ceremony, user.id(), "REGISTER", clock.instant())
                .orElseThrow(() -> new SecondFactorRejected("That took too long. Start adding the passkey again."));
        RegistrationData data;
        try {
            data = webAuthn.verifyRegistrationResponseJSON(
                    response, new RegistrationParameters(server(rp, challenge), ALGORITHMS, false, true));
        } catch (RuntimeException malformedOrInvalid) {
            // webauthn4j reports bad input through several exception types, some from Jackson:
            // whatever the reason, the credential is refused.
            throw new SecondFactorRejected("The passkey could not be checked. Try again.");
        }
        // A registration that verified carries its attestation and the credential attested.
        AttestationObject attestation =
                Objects.requireNonNull(data.getAttestationObject(), "a verified registration has its attestation");
        AttestedCredentialData credential = Objects.requireNonNull(
                attestation.getAuthenticatorData().getAttestedCredentialData(),
                "a verified registration has its credential");
        UUID id = ids.next();
        Instant now = clock.instant();
        boolean stored = rows.insert(
                CurrentTenant.require(),
                new StoredPasskey(
                        id,
                        user.id(),
                        credential.getCredentialId(),
                        credentials.convert(credential),
                        attestation.getAuthenticatorData().getSignCount(),
                        label,
                        now,
                        null));
        if (!stored) {
            throw new SecondFactorRejected("That passkey is already registered.");
        }
        trail.record(AuditAction.MFA_PASSKEY_ADDED, "user:" + user.id(), Outcome.SUCCESS);
        return new Passkey(id, label, now, null);
    }

    @Transactional(readOnly = true)
    public List<Passkey> of(UserId user) {
        return rows.of(user).stream()
                .map(p -> new Passkey(p.id(), p.name(), p.createdAt(), p.lastUsedAt()))
                .toList();
    }

    @Transactional
    public void remove(SignedInUser user, UUID passkey) {
        if (!rows.remove(user.id(), passkey)) {
            throw new NothingHere();
        }
        trail.record(AuditAction.MFA_PASSKEY_REMOVED, "user:" + user.id(), Outcome.SUCCESS);
    }

    /** Options for signing in with one of the user's passkeys. Must run in the tenant's transaction. */
    Ceremony startAssertion(UserId user, RelyingParty rp) {
        Started started = challenge(user, "SIGN_IN");
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", B64.encodeToString(started.challenge()));
        options.put("rpId", rp.id());
        options.put("timeout", CEREMONY.toMillis());
        options.put("userVerification", "preferred");
        options.put("allowCredentials", descriptors(user));
        return new Ceremony(started.id(), options);
    }

    /**
     * Whether the response is a valid signature by one of the user's passkeys over the ceremony's
     * challenge; the challenge is used up either way. Must run in the tenant's transaction.
     */
    boolean verifyAssertion(UserId user, UUID ceremony, String response, RelyingParty rp) {
        Optional<byte[]> challenge = rows.takeChallenge(ceremony, user, "SIGN_IN", clock.instant());
        if (challenge.isEmpty()) {
            return false;
        }
        try {
            // webauthn4j marks this byte[] getter with JetBrains' type-use @Nullable, which lands on
            // the element type (byte) and so never matches byte[]; the array itself is checked here.
            @SuppressWarnings("NullAway")
            byte[] credentialId = Objects.requireNonNull(
                    webAuthn.parseAuthenticationResponseJSON(response).getCredentialId(),
                    "an assertion names its credential");
            Optional<StoredPasskey> passkey = rows.of(user).stream()
                    .filter(p -> Arrays.equals(p.credentialId(), credentialId))
                    .findFirst();
            if (passkey.isEmpty()) {
                return false;
            }
            AttestedCredentialData credential =
                    credentials.convert(passkey.get().credential());
            CredentialRecordImpl record = new CredentialRecordImpl(
                    new NoneAttestationStatement(),
                    null,
                    null,
                    null,
                    passkey.get().signCount(),
                    credential,
                    null,
                    null,
                    null,
                    null);
            AuthenticationData data = webAuthn.verifyAuthenticationResponseJSON(
                    response,
                    new AuthenticationParameters(
                            server(rp, challenge.get()), record, List.of(credentialId), false, true));
            rows.used(
                    passkey.get().id(),
                    Objects.requireNonNull(data.getAuthenticatorData(), "a verified assertion has its data")
                            .getSignCount(),
                    clock.instant());
            return true;
        } catch (RuntimeException malformedOrInvalid) {
            return false;
        }
    }

    boolean any(UserId user) {
        return rows.any(user);
    }

    void removeAll(UserId user) {
        rows.removeAll(user);
    }

    private record Started(UUID id, byte[] challenge) {}

    private Started challenge(UserId user, String purpose) {
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        UUID id = ids.next();
        rows.startCeremony(
                CurrentTenant.require(),
                id,
                user,
                purpose,
                challenge,
                clock.instant().plus(CEREMONY));
        return new Started(id, challenge);
    }

    private List<Map<String, Object>> descriptors(UserId user) {
        return rows.of(user).stream()
                .map(p -> Map.<String, Object>of("type", "public-key", "id", B64.encodeToString(p.credentialId())))
                .toList();
    }

    private static ServerProperty server(RelyingParty rp, byte[] challenge) {
        return new ServerProperty(new Origin(rp.origin()), rp.id(), new DefaultChallenge(challenge));
    }

    private static byte[] uuidBytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
