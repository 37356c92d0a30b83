package org.trackwell.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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
import org.trackwell.identity.SignedInOperator;
import org.trackwell.identity.web.SignInBodies.LoginRequest;
import org.trackwell.identity.web.SignInBodies.LoginResponse;
import org.trackwell.identity.web.SignInBodies.SetupRequest;
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

    @PostMapping("/setup")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void setup(@Valid @RequestBody SetupRequest body) {
        requireOperatorHost();
        operators.completeSetup(body.token(), body.password());
    }

    @PostMapping("/login")
    LoginResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        requireOperatorHost();
        return LoginResponse.of(operators.signIn(body.email(), body.password(), ClientInfo.of(request)));
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
