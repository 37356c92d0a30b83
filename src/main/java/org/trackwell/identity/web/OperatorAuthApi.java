package org.trackwell.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.identity.ClientInfo;
import org.trackwell.identity.Operators;
import org.trackwell.identity.SessionToken;
import org.trackwell.identity.SignedInOperator;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.NothingHere;

/** Operators sign in on the operator's host only; on a tenant's host these routes do not exist. */
@RestController
@RequestMapping("/api/v1/operator")
class OperatorAuthApi {

    private final Operators operators;

    OperatorAuthApi(Operators operators) {
        this.operators = operators;
    }

    record SetupRequest(
            @NotBlank @Size(max = 100) String token,
            @NotNull @Size(max = 1024) String password) {

        @Override
        public String toString() {
            return "SetupRequest[***]";
        }
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

    @PostMapping("/setup")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void setup(@Valid @RequestBody SetupRequest body) {
        requireOperatorHost();
        operators.completeSetup(body.token(), body.password());
    }

    @PostMapping("/login")
    LoginResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        requireOperatorHost();
        SessionToken session = operators.signIn(body.email(), body.password(), ClientInfo.of(request));
        return new LoginResponse(session.token(), session.expiresAt(), session.idleTimeoutSeconds());
    }

    @PostMapping("/logout")
    @PreAuthorize("hasRole('OPERATOR')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@AuthenticationPrincipal SignedInOperator operator) {
        operators.signOut(operator);
    }

    private static void requireOperatorHost() {
        if (CurrentTenant.get().isPresent()) {
            throw new NothingHere();
        }
    }
}
