package org.trackwell.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.trackwell.identity.ClientInfo;
import org.trackwell.identity.Passkeys;
import org.trackwell.identity.SecondFactorRejected;
import org.trackwell.identity.SecondFactors;
import org.trackwell.identity.SignIn;
import org.trackwell.identity.SignInFailed;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.TooManyAttempts;
import org.trackwell.shared.NothingHere;
import org.trackwell.shared.StepUp;

/** Setting up two-factor sign-in, recovery codes, and confirming who one is before a sensitive action. */
@Controller
class SecondFactorPages {

    private static final String PAGE = "identity/two-factor";

    private final SecondFactors secondFactors;
    private final Passkeys passkeys;
    private final SignIn signIn;
    private final StepUp stepUp;

    SecondFactorPages(SecondFactors secondFactors, Passkeys passkeys, SignIn signIn, StepUp stepUp) {
        this.secondFactors = secondFactors;
        this.passkeys = passkeys;
        this.signIn = signIn;
        this.stepUp = stepUp;
    }

    @GetMapping("/account/two-factor")
    String page(@AuthenticationPrincipal SignedInUser user, Model model) {
        return show(user, model);
    }

    @PostMapping("/account/two-factor/totp")
    String start(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("enrolment", secondFactors.startTotp(user));
        return show(user, model);
    }

    @GetMapping("/account/two-factor/totp/qr.png")
    ResponseEntity<byte[]> qrCode(@AuthenticationPrincipal SignedInUser user) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore())
                .body(secondFactors.pendingQrCode(user));
    }

    @PostMapping("/account/two-factor/totp/confirm")
    String confirm(
            @AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code, Model model) {
        try {
            model.addAttribute("recoveryCodes", secondFactors.confirmTotp(user, code));
        } catch (SecondFactorRejected rejected) {
            model.addAttribute("error", rejected.getMessage());
            secondFactors.pending(user).ifPresent(enrolment -> model.addAttribute("enrolment", enrolment));
        }
        return show(user, model);
    }

    @PostMapping("/account/two-factor/recovery-codes")
    String replaceRecoveryCodes(@AuthenticationPrincipal SignedInUser user, Model model) {
        stepUp.requireRecentConfirmation();
        model.addAttribute("recoveryCodes", secondFactors.replaceRecoveryCodes(user));
        return show(user, model);
    }

    @PostMapping("/account/two-factor/passkeys/{id}/remove")
    String removePasskey(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        try {
            passkeys.remove(user, id);
        } catch (NothingHere none) {
            model.addAttribute("error", "There is no such passkey on your account.");
        }
        return show(user, model);
    }

    @GetMapping("/account/confirm")
    String confirmPage(@RequestParam(defaultValue = "/") String next, Model model) {
        model.addAttribute("next", localOnly(next));
        return "identity/confirm";
    }

    @PostMapping("/account/confirm")
    String confirmIdentity(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "/") String next,
            HttpServletRequest request,
            Model model) {
        try {
            signIn.confirmIdentity(user, password, code.isBlank() ? null : code, ClientInfo.of(request));
            return "redirect:" + localOnly(next);
        } catch (SignInFailed | TooManyAttempts refused) {
            model.addAttribute("next", localOnly(next));
            model.addAttribute("error", refused.getMessage());
            return "identity/confirm";
        }
    }

    private String show(SignedInUser user, Model model) {
        model.addAttribute("status", secondFactors.status(user.id()));
        model.addAttribute("passkeys", passkeys.of(user.id()));
        model.addAttribute("required", user.mustEnrolSecondFactor());
        return PAGE;
    }

    /** Only a path on this site: never another host, so the link cannot send the user elsewhere. */
    static String localOnly(String next) {
        return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
    }
}
