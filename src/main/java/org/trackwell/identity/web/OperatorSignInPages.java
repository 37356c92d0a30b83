package org.trackwell.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.trackwell.identity.ClientInfo;
import org.trackwell.identity.Operators;
import org.trackwell.identity.SessionCookie;
import org.trackwell.identity.SignInFailed;
import org.trackwell.identity.SignInResult;
import org.trackwell.identity.SignedInOperator;
import org.trackwell.identity.TooManyAttempts;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.NothingHere;

/**
 * Operators sign in to their pages on the operator's host, with their password and always a second
 * factor; on a tenant's host these pages do not exist. An operator who has not yet set up an
 * authenticator is told how, and gets no page session.
 */
@Controller
class OperatorSignInPages {

    private static final String FORM = "identity/operator-sign-in";
    private static final String CODE = "identity/operator-sign-in-code";

    private final Operators operators;

    OperatorSignInPages(Operators operators) {
        this.operators = operators;
    }

    @GetMapping("/operator/sign-in")
    String signInPage() {
        requireOperatorHost();
        return FORM;
    }

    @PostMapping("/operator/sign-in")
    String signIn(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        requireOperatorHost();
        model.addAttribute("email", email);
        try {
            return switch (operators.signIn(email, password, ClientInfo.of(request))) {
                case SignInResult.SecondFactorNeeded needed -> {
                    model.addAttribute("challenge", needed.challenge());
                    yield CODE;
                }
                case SignInResult.SignedIn withoutAuthenticator -> {
                    operators
                            .authenticate(withoutAuthenticator.session().token())
                            .ifPresent(operators::signOut);
                    model.addAttribute(
                            "error",
                            "Operators always use a second factor, and you have not set one up yet."
                                    + " Set up an authenticator app first (see docs/operations.md), then sign in here.");
                    yield FORM;
                }
            };
        } catch (SignInFailed | TooManyAttempts refused) {
            refused.headers().forEach(response::setHeader);
            model.addAttribute("error", refused.getMessage());
            return FORM;
        }
    }

    @PostMapping("/operator/sign-in/code")
    String signInWithCode(
            @RequestParam(defaultValue = "") String challenge,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        requireOperatorHost();
        try {
            SessionCookie.set(response, operators.completeSecondFactor(challenge, code, ClientInfo.of(request)));
            return "redirect:/operator/alerts";
        } catch (SignInFailed | TooManyAttempts refused) {
            refused.headers().forEach(response::setHeader);
            model.addAttribute("challenge", challenge);
            model.addAttribute("error", refused.getMessage());
            return CODE;
        }
    }

    @PostMapping("/operator/sign-out")
    String signOut(@AuthenticationPrincipal SignedInOperator operator, HttpServletResponse response) {
        operators.signOut(operator);
        SessionCookie.clear(response);
        return "redirect:/operator/sign-in?signedOut";
    }

    private static void requireOperatorHost() {
        if (CurrentTenant.get().isPresent()) {
            throw new NothingHere();
        }
    }
}
