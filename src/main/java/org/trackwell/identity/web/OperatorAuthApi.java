package org.trackwell.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
import org.trackwell.identity.SignInResult;
import org.trackwell.identity.SignedInOperator;
import org.trackwell.identity.TotpEnrolment;
import org.trackwell.identity.web.SignInBodies.ChallengeResponse;
import org.trackwell.identity.web.SignInBodies.LoginRequest;
import org.trackwell.identity.web.SignInBodies.LoginResponse;
import org.trackwell.identity.web.SignInBodies.SecondFactorRequest;
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

    /** A challenge for {@code /login/mfa}, or (before an authenticator is set up) a session to set one up. */
    @PostMapping("/login")
    Object login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        requireOperatorHost();
        return switch (operators.signIn(body.email(), body.password(), ClientInfo.of(request))) {
            case SignInResult.SignedIn signedIn -> LoginResponse.of(signedIn.session());
            case SignInResult.SecondFactorNeeded needed -> ChallengeResponse.of(needed);
        };
    }

    @PostMapping("/login/mfa")
    LoginResponse secondFactor(@Valid @RequestBody SecondFactorRequest body, HttpServletRequest request) {
        requireOperatorHost();
        return LoginResponse.of(operators.completeSecondFactor(body.challenge(), body.code(), ClientInfo.of(request)));
    }

    @PostMapping("/mfa/totp")
    @PreAuthorize("hasRole('OPERATOR')")
    OperatorTotpEnrolmentView startTotp(@AuthenticationPrincipal SignedInOperator operator) {
        return OperatorTotpEnrolmentView.of(operators.startTotp(operator));
    }

    /** An authenticator app's secret, shown this once to be set up. */
    record OperatorTotpEnrolmentView(String secret, String otpauthUri) {

        static OperatorTotpEnrolmentView of(TotpEnrolment enrolment) {
            return new OperatorTotpEnrolmentView(enrolment.secret(), enrolment.otpauthUri());
        }

        @Override
        public String toString() {
            return "OperatorTotpEnrolmentView[***]";
        }
    }

    @PostMapping("/mfa/totp/confirm")
    @PreAuthorize("hasRole('OPERATOR')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmTotp(@AuthenticationPrincipal SignedInOperator operator, @Valid @RequestBody OperatorCodeRequest body) {
        operators.confirmTotp(operator, body.code());
    }

    record OperatorCodeRequest(@NotBlank @Size(max = 64) String code) {

        @Override
        public String toString() {
            return "OperatorCodeRequest[***]";
        }
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
