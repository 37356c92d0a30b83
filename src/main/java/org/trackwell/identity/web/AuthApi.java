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
import org.trackwell.identity.Sessions;
import org.trackwell.identity.SignIn;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.web.SignInBodies.LoginRequest;
import org.trackwell.identity.web.SignInBodies.LoginResponse;
import org.trackwell.identity.web.SignInBodies.SetupRequest;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.NothingHere;

@RestController
@RequestMapping("/api/v1/auth")
class AuthApi {

    private final SignIn signIn;
    private final Sessions sessions;
    private final Accounts accounts;

    AuthApi(SignIn signIn, Sessions sessions, Accounts accounts) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.accounts = accounts;
    }

    @PostMapping("/login")
    LoginResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        requireTenant();
        return LoginResponse.of(signIn.signIn(body.email(), body.password(), ClientInfo.of(request)));
    }

    @PostMapping("/setup")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void setup(@Valid @RequestBody SetupRequest body, HttpServletRequest request) {
        requireTenant();
        accounts.completeSetup(body.token(), body.password());
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
