package org.trackwell.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.trackwell.identity.ClientInfo;
import org.trackwell.identity.LinkNotValid;
import org.trackwell.identity.PasswordRejected;
import org.trackwell.identity.PasswordResets;
import org.trackwell.identity.SignInFailed;
import org.trackwell.identity.TooManyAttempts;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.NothingHere;

/** "Forgot your password?": asking for a link, and choosing a new password through it. */
@Controller
class PasswordResetPages {

    private final PasswordResets resets;

    PasswordResetPages(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/account/forgot")
    String forgotPage() {
        requireTenant();
        return "identity/forgot";
    }

    @PostMapping("/account/forgot")
    String forgot(
            @RequestParam(defaultValue = "") String email,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        requireTenant();
        try {
            resets.request(email, ClientInfo.of(request));
            model.addAttribute("sent", true);
        } catch (TooManyAttempts refused) {
            refused.headers().forEach(response::setHeader);
            model.addAttribute("error", refused.getMessage());
        }
        return "identity/forgot";
    }

    @GetMapping("/account/reset")
    String resetPage(@RequestParam(defaultValue = "") String token, Model model) {
        requireTenant();
        model.addAttribute("token", token);
        resets.check(token)
                .ifPresentOrElse(
                        link -> model.addAttribute("secondFactorNeeded", link.secondFactorNeeded()),
                        () -> model.addAttribute("usable", false));
        return form(model, List.of());
    }

    @PostMapping("/account/reset")
    String reset(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            Model model) {
        requireTenant();
        model.addAttribute("token", token);
        model.addAttribute(
                "secondFactorNeeded",
                !code.isEmpty()
                        || resets.check(token).map(l -> l.secondFactorNeeded()).orElse(false));
        if (!password.equals(confirmation)) {
            return form(model, List.of("The two passwords are not the same."));
        }
        try {
            resets.complete(token, password, code.isBlank() ? null : code, ClientInfo.of(request));
            return "redirect:/sign-in?reset";
        } catch (PasswordRejected rejected) {
            return form(model, rejected.reasons());
        } catch (SignInFailed | TooManyAttempts refused) {
            model.addAttribute("error", refused.getMessage());
            return form(model, List.of());
        } catch (LinkNotValid invalid) {
            model.addAttribute("usable", false);
            return form(model, List.of());
        }
    }

    private static String form(Model model, List<String> problems) {
        model.addAttribute("problems", problems);
        model.addAttribute("checked", !problems.isEmpty());
        if (!model.containsAttribute("usable")) {
            model.addAttribute("usable", true);
        }
        return "identity/reset";
    }

    private static void requireTenant() {
        if (CurrentTenant.get().isEmpty()) {
            throw new NothingHere();
        }
    }
}
