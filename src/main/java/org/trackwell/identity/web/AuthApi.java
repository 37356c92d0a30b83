package org.trackwell.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.ClientInfo;
import org.trackwell.identity.SessionToken;
import org.trackwell.identity.Sessions;
import org.trackwell.identity.SignIn;
import org.trackwell.identity.SignedInUser;
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

    record LoginRequest(
            @NotBlank @Size(max = 320) String email,
            @NotNull @Size(max = 1024) String password) {

        @Override
        public String toString() {
            return "LoginRequest[email=" + email + ", password=***]";
        }
    }

    record LoginResponse(String token, Instant expiresAt, int idleTimeoutSeconds) {

        @Override
        public String toString() {
            return "LoginResponse[token=***]";
        }
    }

    record SetupRequest(
            @NotBlank @Size(max = 100) String token,
            @NotNull @Size(max = 1024) String password) {

        @Override
        public String toString() {
            return "SetupRequest[***]";
        }
    }

    @PostMapping("/login")
    LoginResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        requireTenant();
        SessionToken session = signIn.signIn(body.email(), body.password(), ClientInfo.of(request));
        return new LoginResponse(session.token(), session.expiresAt(), session.idleTimeoutSeconds());
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
