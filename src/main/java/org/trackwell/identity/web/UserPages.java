package org.trackwell.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.identity.AccountChangeRefused;
import org.trackwell.identity.AccountDetailsInvalid;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Invitation;
import org.trackwell.identity.Role;
import org.trackwell.identity.SecondFactors;
import org.trackwell.identity.User;
import org.trackwell.shared.Confirmation;
import org.trackwell.shared.UserId;

/**
 * The tenant admin's users page: list, invite, and each user's roles, teams, status and sessions.
 * The services decide who may see and change a user; the list, which they give everyone who needs
 * names, is checked here.
 */
@Controller
class UserPages {

    private final Accounts accounts;
    private final SecondFactors secondFactors;

    UserPages(Accounts accounts, SecondFactors secondFactors) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String users(Model model) {
        model.addAttribute("users", accounts.list());
        model.addAttribute("teams", accounts.teams());
        model.addAttribute("roles", Role.values());
        return "identity/users";
    }

    @PostMapping("/admin/users")
    String invite(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") List<Role> roles,
            @RequestParam(defaultValue = "") List<UUID> teams,
            RedirectAttributes redirect) {
        try {
            Invitation invitation = accounts.invite(email, displayName, roleSet(roles), teams);
            redirect.addFlashAttribute("invited", InvitationNotice.of(invitation));
        } catch (AccountChangeRefused | AccountDetailsInvalid refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/admin/users";
    }

    /** A new set-up link for an invited user whose link expired or was lost; shown once, like an invitation's. */
    @PostMapping("/admin/users/{id}/invitation")
    String reissueInvitation(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            Invitation invitation = accounts.reissueInvitation(new UserId(id));
            redirect.addFlashAttribute("invited", InvitationNotice.of(invitation));
        } catch (AccountChangeRefused refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + userPage(id);
    }

    @PostMapping("/admin/teams")
    String createTeam(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        return act(redirect, "/admin/users", () -> accounts.createTeam(name), "Team " + name.strip() + " created.");
    }

    @GetMapping("/admin/users/{id}")
    String user(@PathVariable UUID id, Model model) {
        model.addAttribute("user", accounts.get(new UserId(id)));
        model.addAttribute("sessions", accounts.openSessions(new UserId(id)));
        model.addAttribute("secondFactor", secondFactors.status(new UserId(id)));
        model.addAttribute("teams", accounts.teams());
        model.addAttribute("roles", Role.values());
        return "identity/user";
    }

    @PostMapping("/admin/users/{id}/roles")
    String roles(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") List<Role> roles,
            @RequestParam(defaultValue = "false") boolean confirmed,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        User user = accounts.get(new UserId(id));
        List<String> removed = user.roles().stream()
                .filter(role -> !roles.contains(role))
                .sorted()
                .map(Role::word)
                .toList();
        if (!removed.isEmpty() && !confirmed) {
            return new Confirmation(
                            "Remove " + String.join(" and ", removed) + " from " + user.displayName() + "?",
                            user.displayName() + " can no longer do the work of the role"
                                    + (removed.size() == 1 ? "" : "s")
                                    + " removed from the moment you confirm, and is signed out everywhere.",
                            "Change the roles",
                            userPage(id).substring("redirect:".length()))
                    .ask(request, model);
        }
        return act(
                redirect,
                userPage(id),
                () -> accounts.changeRoles(new UserId(id), roleSet(roles)),
                "Roles changed. The user's sessions have ended.");
    }

    @PostMapping("/admin/users/{id}/teams")
    String teams(
            @PathVariable UUID id, @RequestParam(defaultValue = "") List<UUID> teams, RedirectAttributes redirect) {
        return act(redirect, userPage(id), () -> accounts.changeTeams(new UserId(id), teams), "Teams changed.");
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(
                redirect,
                userPage(id),
                () -> accounts.disable(new UserId(id)),
                "The user is disabled and signed out everywhere.");
    }

    @PostMapping("/admin/users/{id}/enable")
    String enable(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, userPage(id), () -> accounts.enable(new UserId(id)), "The user is enabled.");
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes redirect) {
        return act(redirect, userPage(id), () -> accounts.unlock(new UserId(id)), "The account is unlocked.");
    }

    @PostMapping("/admin/users/{id}/mfa/reset")
    String resetSecondFactor(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        if (!confirmed) {
            User user = accounts.get(new UserId(id));
            return new Confirmation(
                            "Reset " + user.displayName() + "'s two-factor sign-in?",
                            "Their authenticator app and passkeys stop working at once and they are signed out"
                                    + " everywhere; they are asked to set up a second factor at their next sign-in."
                                    + " Do this only when you are sure it was them who asked.",
                            "Reset two-factor sign-in",
                            userPage(id).substring("redirect:".length()))
                    .ask(request, model);
        }
        return act(
                redirect,
                userPage(id),
                () -> secondFactors.reset(new UserId(id)),
                "Two-factor sign-in is reset: the user sets it up again at their next sign-in.");
    }

    private static String act(RedirectAttributes redirect, String target, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (AccountChangeRefused | AccountDetailsInvalid refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + target;
    }

    private static String userPage(UUID id) {
        return "/admin/users/" + id;
    }

    private static Set<Role> roleSet(List<Role> roles) {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }
}
