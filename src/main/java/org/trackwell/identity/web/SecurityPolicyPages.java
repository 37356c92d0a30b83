package org.trackwell.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.identity.AccountChangeRefused;
import org.trackwell.identity.AccountDetailsInvalid;
import org.trackwell.identity.Policies;
import org.trackwell.identity.Role;
import org.trackwell.identity.SecurityPolicy;
import org.trackwell.shared.Confirmation;

/**
 * The tenant admin's page for the security policy. {@link Policies#change} checks the values and
 * records each change with its old and new value; a refused change leaves the policy as it was
 * and shows what was typed again with the reason.
 */
@Controller
@RequestMapping("/admin/settings/security-policy")
class SecurityPolicyPages {

    private final Policies policies;

    SecurityPolicyPages(Policies policies) {
        this.policies = policies;
    }

    record RoleChoice(Role role, String words, boolean chosen, boolean suggested) {}

    @GetMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String page(Model model) {
        SecurityPolicy policy = policies.current();
        SecurityPolicy defaults = SecurityPolicy.defaults();
        model.addAttribute("policy", policy);
        model.addAttribute("defaults", defaults);
        model.addAttribute("idleMinutes", policy.idleTimeoutSeconds() / 60);
        @SuppressWarnings("unchecked")
        Map<String, String> typed = (Map<String, String>) model.getAttribute("typed");
        List<RoleChoice> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            boolean chosen = typed == null
                    ? policy.secondFactorRoles().contains(role)
                    : typed.getOrDefault("roles", "").contains("[" + role.name() + "]");
            roles.add(new RoleChoice(
                    role,
                    RoleWords.of(role),
                    chosen,
                    defaults.secondFactorRoles().contains(role)));
        }
        model.addAttribute("roleChoices", roles);
        return "identity/security-policy";
    }

    @PostMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String change(
            @RequestParam(defaultValue = "") String minPasswordLength,
            @RequestParam(defaultValue = "") String passwordHistory,
            @RequestParam(defaultValue = "false") boolean compositionRules,
            @RequestParam(defaultValue = "") String lockoutThreshold,
            @RequestParam(defaultValue = "") String lockoutMinutes,
            @RequestParam(defaultValue = "") String maxLockoutMinutes,
            @RequestParam(defaultValue = "") String idleTimeoutMinutes,
            @RequestParam(defaultValue = "") List<Role> secondFactorRoles,
            @RequestParam(defaultValue = "") String disableUnusedAfterDays,
            @RequestParam(defaultValue = "false") boolean confirmed,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("minPasswordLength", minPasswordLength);
        typed.put("passwordHistory", passwordHistory);
        typed.put("compositionRules", String.valueOf(compositionRules));
        typed.put("lockoutThreshold", lockoutThreshold);
        typed.put("lockoutMinutes", lockoutMinutes);
        typed.put("maxLockoutMinutes", maxLockoutMinutes);
        typed.put("idleTimeoutMinutes", idleTimeoutMinutes);
        typed.put("disableUnusedAfterDays", disableUnusedAfterDays);
        typed.put(
                "roles",
                secondFactorRoles.stream().map(role -> "[" + role.name() + "]").reduce("", String::concat));
        try {
            Set<Role> roles =
                    secondFactorRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(secondFactorRoles);
            SecurityPolicy policy = new SecurityPolicy(
                    WholeNumber.read(minPasswordLength, "The minimum password length"),
                    WholeNumber.read(passwordHistory, "Password history"),
                    compositionRules,
                    WholeNumber.read(lockoutThreshold, "Failed attempts before a lock"),
                    WholeNumber.read(lockoutMinutes, "The first lock"),
                    WholeNumber.read(maxLockoutMinutes, "The longest lock"),
                    WholeNumber.minutesAsSeconds(idleTimeoutMinutes, "The idle timeout"),
                    roles,
                    disableUnusedAfterDays.isBlank()
                            ? policies.current().disableUnusedAfterDays()
                            : WholeNumber.read(disableUnusedAfterDays, "Days unused before an account is disabled"));
            policies.check(policy);
            if (!confirmed) {
                return new Confirmation(
                                "Change the security policy?",
                                "The new rules apply to everyone's passwords and sign-ins from the moment you"
                                        + " confirm. Weaker rules (shorter passwords, more attempts before a lock, a"
                                        + " longer idle time-out, fewer roles with a second factor) leave accounts"
                                        + " easier to break into; people whose role now needs a second factor set one"
                                        + " up at their next sign-in.",
                                "Change the policy",
                                "/admin/settings/security-policy")
                        .ask(request, model);
            }
            policies.change(policy);
            redirect.addFlashAttribute("done", "Saved. The new rules apply from now on.");
        } catch (AccountChangeRefused | AccountDetailsInvalid | WholeNumber.NotAWholeNumber refused) {
            redirect.addFlashAttribute("error", refused.getMessage() + " Nothing was changed.");
            redirect.addFlashAttribute("typed", typed);
        }
        return "redirect:/admin/settings/security-policy";
    }
}
