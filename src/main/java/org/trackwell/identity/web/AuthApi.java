package org.trackwell.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.ClientInfo;
import org.trackwell.identity.PasswordResets;
import org.trackwell.identity.Sessions;
import org.trackwell.identity.SignIn;
import org.trackwell.identity.SignInResult;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.web.SignInBodies.ChallengeResponse;
import org.trackwell.identity.web.SignInBodies.LoginRequest;
import org.trackwell.identity.web.SignInBodies.LoginResponse;
import org.trackwell.identity.web.SignInBodies.ResetCompletion;
import org.trackwell.identity.web.SignInBodies.ResetRequest;
import org.trackwell.identity.web.SignInBodies.SecondFactorRequest;
import org.trackwell.identity.web.SignInBodies.SetupRequest;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.NothingHere;

@RestController
@RequestMapping("/api/v1/auth")
class AuthApi {

    /** The same answer to every reset request, whether or not the account exists. */
    record ResetRequested(String message) {}

    private static final ResetRequested RESET_REQUESTED = new ResetRequested(
            "If that is the e-mail address of an account here, a link to reset its password is on its way.");

    private final SignIn signIn;
    private final Sessions sessions;
    private final Accounts accounts;
    private final PasswordResets resets;

    AuthApi(SignIn signIn, Sessions sessions, Accounts accounts, PasswordResets resets) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.accounts = accounts;
        this.resets = resets;
    }

    /** A session, or (for a user with a second factor) a challenge for {@code /login/mfa}. */
    @PostMapping("/login")
    Object login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        requireTenant();
        return switch (signIn.signIn(body.email(), body.password(), ClientInfo.of(request))) {
            case SignInResult.SignedIn signedIn -> LoginResponse.of(signedIn.session());
            case SignInResult.SecondFactorNeeded needed -> ChallengeResponse.of(needed);
        };
    }

    @PostMapping("/login/mfa")
    LoginResponse secondFactor(@Valid @RequestBody SecondFactorRequest body, HttpServletRequest request) {
        requireTenant();
        return LoginResponse.of(signIn.completeSecondFactor(body.challenge(), body.code(), ClientInfo.of(request)));
    }

    @PostMapping("/setup")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void setup(@Valid @RequestBody SetupRequest body, HttpServletRequest request) {
        requireTenant();
        accounts.completeSetup(body.token(), body.password());
    }

    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResetRequested requestReset(@Valid @RequestBody ResetRequest body, HttpServletRequest request) {
        requireTenant();
        resets.request(body.email(), ClientInfo.of(request));
        return RESET_REQUESTED;
    }

    @PostMapping("/password-reset/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void completeReset(@Valid @RequestBody ResetCompletion body, HttpServletRequest request) {
        requireTenant();
        resets.complete(body.token(), body.password(), body.code(), ClientInfo.of(request));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@AuthenticationPrincipal SignedInUser user) {
        sessions.signOut(user);
    }

    private static void requireTenant() {
        if (CurrentTenant.get().isEmpty()) {
            throw new NothingHere();
        }
    }
}
