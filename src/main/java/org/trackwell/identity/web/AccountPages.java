package org.trackwell.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.ClientInfo;
import org.trackwell.identity.LinkNotValid;
import org.trackwell.identity.PasswordRejected;
import org.trackwell.identity.Passwords;
import org.trackwell.identity.Policies;
import org.trackwell.identity.SessionCookie;
import org.trackwell.identity.SessionToken;
import org.trackwell.identity.Sessions;
import org.trackwell.identity.SignIn;
import org.trackwell.identity.SignInFailed;
import org.trackwell.identity.SignInResult;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.Terms;
import org.trackwell.identity.TooManyAttempts;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.NothingHere;

/** The pages of one's own account: sign in and out, set-up link, password, terms of use. */
@Controller
class AccountPages {

    private final SignIn signIn;
    private final Sessions sessions;
    private final Accounts accounts;
    private final Passwords passwords;
    private final Policies policies;
    private final Terms terms;

    AccountPages(
            SignIn signIn, Sessions sessions, Accounts accounts, Passwords passwords, Policies policies, Terms terms) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.accounts = accounts;
        this.passwords = passwords;
        this.policies = policies;
        this.terms = terms;
    }

    /** On the operator's host, where pages send those not signed in, it is the operators' sign-in. */
    @GetMapping("/sign-in")
    String signInPage() {
        return CurrentTenant.get().isPresent() ? "identity/sign-in" : "redirect:/operator/sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        requireTenant();
        try {
            return switch (signIn.signIn(email, password, ClientInfo.of(request))) {
                case SignInResult.SignedIn signedIn -> signedIn(signedIn.session(), response);
                case SignInResult.SecondFactorNeeded needed -> {
                    model.addAttribute("challenge", needed.challenge());
                    yield "identity/sign-in-code";
                }
            };
        } catch (SignInFailed | TooManyAttempts refused) {
            refused.headers().forEach(response::setHeader);
            model.addAttribute("email", email);
            model.addAttribute("error", refused.getMessage());
            return "identity/sign-in";
        }
    }

    @PostMapping("/sign-in/code")
    String signInWithCode(
            @RequestParam(defaultValue = "") String challenge,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        requireTenant();
        try {
            return signedIn(signIn.completeSecondFactor(challenge, code, ClientInfo.of(request)), response);
        } catch (SignInFailed | TooManyAttempts refused) {
            refused.headers().forEach(response::setHeader);
            model.addAttribute("challenge", challenge);
            model.addAttribute("error", refused.getMessage());
            return "identity/sign-in-code";
        }
    }

    private static String signedIn(SessionToken session, HttpServletResponse response) {
        SessionCookie.set(response, session);
        return "redirect:/";
    }

    @PostMapping("/sign-out")
    String signOut(@AuthenticationPrincipal SignedInUser user, HttpServletResponse response) {
        sessions.signOut(user);
        SessionCookie.clear(response);
        return "redirect:/sign-in?signedOut";
    }

    @PostMapping("/session/keep-alive")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void keepAlive(@AuthenticationPrincipal SignedInUser user) {
        sessions.keepAlive(user);
    }

    @GetMapping("/account/setup")
    String setupPage(@RequestParam(defaultValue = "") String token, Model model) {
        requireTenant();
        model.addAttribute("usable", !token.isEmpty() && accounts.setupLinkUsable(token));
        model.addAttribute("token", token);
        return noProblems(model, "identity/setup");
    }

    @PostMapping("/account/setup")
    String setup(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        requireTenant();
        model.addAttribute("token", token);
        model.addAttribute("usable", true);
        if (!password.equals(confirmation)) {
            return withProblems(model, List.of("The two passwords are not the same."), "identity/setup");
        }
        try {
            accounts.completeSetup(token, password);
            return "redirect:/sign-in?ready";
        } catch (PasswordRejected rejected) {
            return withProblems(model, rejected.reasons(), "identity/setup");
        } catch (LinkNotValid invalid) {
            model.addAttribute("usable", false);
            return noProblems(model, "identity/setup");
        }
    }

    @GetMapping("/account/password")
    String passwordPage(Model model) {
        model.addAttribute("minLength", policies.current().minPasswordLength());
        return noProblems(model, "identity/password");
    }

    @PostMapping("/account/password/check")
    String checkPassword(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String newPassword,
            Model model) {
        model.addAttribute("problems", newPassword.isEmpty() ? List.of() : passwords.check(user, newPassword));
        model.addAttribute("checked", !newPassword.isEmpty());
        return "identity/password-rules :: rules";
    }

    @PostMapping("/account/password")
    String changePassword(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("minLength", policies.current().minPasswordLength());
        try {
            passwords.change(user, currentPassword, newPassword);
            model.addAttribute("changed", true);
            return noProblems(model, "identity/password");
        } catch (PasswordRejected rejected) {
            return withProblems(model, rejected.reasons(), "identity/password");
        }
    }

    @GetMapping("/terms")
    String termsPage(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("terms", terms.toAccept(user).orElse(null));
        return "identity/terms";
    }

    @PostMapping("/terms")
    String acceptTerms(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String version) {
        terms.accept(user, version);
        return "redirect:/";
    }

    private static String noProblems(Model model, String view) {
        model.addAttribute("problems", List.of());
        model.addAttribute("checked", false);
        return view;
    }

    /** A form shown again with what to fix is a normal page (200), as browsers expect. */
    private static String withProblems(Model model, List<String> problems, String view) {
        model.addAttribute("problems", problems);
        model.addAttribute("checked", true);
        return view;
    }

    private static void requireTenant() {
        if (CurrentTenant.get().isEmpty()) {
            throw new NothingHere();
        }
    }
}
