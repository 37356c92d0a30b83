package org.trackwell.clients.web;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.LooksIdentifying;
import org.trackwell.clients.ReachedClient;
import org.trackwell.clients.internal.ClientChangeRefused;
import org.trackwell.clients.internal.ClientDetailsInvalid;
import org.trackwell.clients.internal.ClientRegistration;
import org.trackwell.clients.internal.ClientSettings;
import org.trackwell.clients.internal.NewClient;
import org.trackwell.clients.internal.Settings;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.User;

/**
 * Changing a client's details after they were added: the service's reference, the identifying
 * details the service records, and the demographics, with the same rules and warning as when the
 * client was added (the practitioner's or manager's page; carers do not reach it).
 */
@Controller
class ClientDetailsPages {

    private final ClientRegistration registration;
    private final Settings settings;
    private final Accounts accounts;

    ClientDetailsPages(ClientRegistration registration, Settings settings, Accounts accounts) {
        this.accounts = accounts;
        this.registration = registration;
        this.settings = settings;
    }

    @GetMapping("/clients/{code}/details")
    String page(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient(viewed = AuditAction.CLIENT_VIEWED) ClientRef client,
            Model model) {
        return form(client, model, ClientForms.form(registration.record(user, client)));
    }

    @PostMapping("/clients/{code}/details")
    String change(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @RequestParam Map<String, String> form,
            Model model) {
        try {
            registration.update(
                    user,
                    client,
                    new NewClient(
                            client.teamId(),
                            form.get("reference"),
                            ClientForms.demographics(form),
                            ClientForms.identifiers(form),
                            "on".equals(form.get("acknowledgeIdentifying"))));
            return "redirect:/clients/" + client.code();
        } catch (LooksIdentifying warned) {
            model.addAttribute("identifyingWarning", warned.getMessage());
            return form(client, model, form);
        } catch (ClientDetailsInvalid | ClientChangeRefused refused) {
            model.addAttribute("error", refused.getMessage() + " Nothing was changed.");
            return form(client, model, form);
        }
    }

    private String form(ClientRef client, Model model, Map<String, String> form) {
        ClientSettings current = settings.current();
        model.addAttribute("code", client.code().toString());
        model.addAttribute("form", form);
        model.addAttribute("changes", registration.changes(client));
        model.addAttribute("names", accounts.list().stream().collect(Collectors.toMap(User::id, User::displayName)));
        ClientForms.fieldChoices(model, current);
        return "clients/details";
    }
}
