package org.trackwell.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.identity.ClientInfo;
import org.trackwell.identity.Passkeys;
import org.trackwell.identity.SessionCookie;
import org.trackwell.identity.SignIn;
import org.trackwell.identity.SignedInUser;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.NothingHere;
import tools.jackson.databind.JsonNode;

/**
 * Passkeys through JSON: registering, listing and removing one's own (API with a bearer token, and
 * the two-factor page with its cookie and CSRF token), and the second sign-in step with one.
 */
@RestController
class PasskeyEndpoints {

    private final Passkeys passkeys;
    private final SignIn signIn;

    PasskeyEndpoints(Passkeys passkeys, SignIn signIn) {
        this.passkeys = passkeys;
        this.signIn = signIn;
    }

    record Registration(
            @NotNull UUID ceremony,
            @Nullable @Size(max = 60) String name,
            @NotNull JsonNode credential) {}

    record SignInStart(@NotNull String challenge) {}

    record SignInFinish(
            @NotNull String challenge,
            @NotNull UUID ceremony,
            @NotNull JsonNode credential) {}

    /** A ceremony begun: its id, to name it when finishing, and the options the browser's WebAuthn call takes. */
    record PasskeyCeremonyView(UUID id, Map<String, Object> options) {

        static PasskeyCeremonyView of(Passkeys.Ceremony ceremony) {
            return new PasskeyCeremonyView(ceremony.id(), ceremony.options());
        }
    }

    @PostMapping({"/api/v1/me/mfa/passkeys/options", "/account/two-factor/passkeys/options"})
    PasskeyCeremonyView registrationOptions(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
        return PasskeyCeremonyView.of(passkeys.startRegistration(user, RelyingParties.of(request)));
    }

    record PasskeyView(
            UUID id,
            String name,
            Instant createdAt,
            @Nullable Instant lastUsedAt) {

        static PasskeyView of(Passkeys.Passkey passkey) {
            return new PasskeyView(passkey.id(), passkey.name(), passkey.createdAt(), passkey.lastUsedAt());
        }
    }

    @PostMapping({"/api/v1/me/mfa/passkeys", "/account/two-factor/passkeys"})
    @ResponseStatus(HttpStatus.CREATED)
    PasskeyView register(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @RequestBody Registration body,
            HttpServletRequest request) {
        return PasskeyView.of(passkeys.finishRegistration(
                user, body.ceremony(), body.name(), body.credential().toString(), RelyingParties.of(request)));
    }

    @GetMapping("/api/v1/me/mfa/passkeys")
    List<PasskeyView> list(@AuthenticationPrincipal SignedInUser user) {
        return passkeys.of(user.id()).stream().map(PasskeyView::of).toList();
    }

    @DeleteMapping("/api/v1/me/mfa/passkeys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        passkeys.remove(user, id);
    }

    @PostMapping({"/api/v1/auth/login/passkey/options", "/sign-in/passkey/options"})
    PasskeyCeremonyView signInOptions(@Valid @RequestBody SignInStart body, HttpServletRequest request) {
        requireTenant();
        return PasskeyCeremonyView.of(signIn.startPasskeySignIn(body.challenge(), RelyingParties.of(request)));
    }

    @PostMapping("/api/v1/auth/login/passkey")
    SignInBodies.LoginResponse signInApi(@Valid @RequestBody SignInFinish body, HttpServletRequest request) {
        requireTenant();
        return SignInBodies.LoginResponse.of(signIn.completeWithPasskey(
                body.challenge(),
                body.ceremony(),
                body.credential().toString(),
                RelyingParties.of(request),
                ClientInfo.of(request)));
    }

    /** The page's second step: the session goes in the cookie, and the page is told where to go. */
    @PostMapping("/sign-in/passkey")
    Map<String, String> signInPage(
            @Valid @RequestBody SignInFinish body, HttpServletRequest request, HttpServletResponse response) {
        requireTenant();
        SessionCookie.set(
                response,
                signIn.completeWithPasskey(
                        body.challenge(),
                        body.ceremony(),
                        body.credential().toString(),
                        RelyingParties.of(request),
                        ClientInfo.of(request)));
        return Map.of("redirect", "/");
    }

    private static void requireTenant() {
        if (CurrentTenant.get().isEmpty()) {
            throw new NothingHere();
        }
    }
}
