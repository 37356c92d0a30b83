package org.trackwell.clients.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.trackwell.clients.CaseloadFilter;
import org.trackwell.clients.ClientSummary;
import org.trackwell.clients.Clients;
import org.trackwell.clients.LooksIdentifying;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.clients.internal.ClientChangeRefused;
import org.trackwell.clients.internal.ClientDetailsInvalid;
import org.trackwell.clients.internal.ClientRecord;
import org.trackwell.clients.internal.ClientRegistration;
import org.trackwell.clients.internal.ClientRows;
import org.trackwell.clients.internal.ClientSettings;
import org.trackwell.clients.internal.NewClient;
import org.trackwell.clients.internal.Settings;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.shared.Refusal;
import org.trackwell.shared.ServiceTimeZone;

/** The caseload, finding a client, and adding one. */
@Controller
class CaseloadPages {

    private final Clients clients;
    private final ClientRegistration registration;
    private final Settings settings;
    private final Accounts accounts;
    private final ServiceTimeZone zone;

    CaseloadPages(
            Clients clients,
            ClientRegistration registration,
            Settings settings,
            Accounts accounts,
            ServiceTimeZone zone) {
        this.zone = zone;
        this.clients = clients;
        this.registration = registration;
        this.settings = settings;
        this.accounts = accounts;
    }

    /**
     * The caseload, a page at a time, newest first: the next page is the one after the page's last
     * client and the previous the one before its first, each found from that client, not counted.
     */
    @GetMapping("/clients")
    String caseload(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable UUID team,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable String before,
            Model model) {
        String episodeStatus = status == null || status.isBlank() ? null : status;
        CaseloadFilter filter = new CaseloadFilter(team, null, episodeStatus);
        List<ClientSummary> found;
        boolean hasPrevious;
        boolean hasNext;
        if (before != null) {
            found = clients.caseloadBefore(user, filter, before);
            hasPrevious = found.size() > Clients.pageSize();
            found = found.subList(Math.max(0, found.size() - Clients.pageSize()), found.size());
            hasNext = true;
        } else {
            found = after == null ? clients.caseload(user, filter, 0) : clients.caseloadAfter(user, filter, after);
            hasPrevious = after != null;
            hasNext = found.size() > Clients.pageSize();
            found = found.stream().limit(Clients.pageSize()).toList();
        }
        model.addAttribute("clients", found);
        model.addAttribute("hasPrevious", hasPrevious);
        model.addAttribute("hasNext", hasNext);
        model.addAttribute("team", team);
        model.addAttribute("status", episodeStatus);
        model.addAttribute("teams", ClientForms.teamNames(accounts, user));
        model.addAttribute("zone", zone.zone());
        return "clients/caseload";
    }

    /**
     * Finds a client by pseudonym code (any case, any separators) or, for practitioners and managers,
     * by the service's reference, which carers on a round have no use for.
     */
    @GetMapping("/clients/find")
    String find(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String q, Model model) {
        Optional<PseudonymCode> code = PseudonymCode.parse(q);
        if (code.isPresent()) {
            return "redirect:/clients/" + code.get();
        }
        boolean clinical = user.has(Role.PRACTITIONER) || user.has(Role.MANAGER);
        List<PseudonymCode> byReference =
                q.isBlank() || !clinical ? List.of() : registration.search(user, ClientRows.IndexedField.REFERENCE, q);
        if (byReference.size() == 1) {
            return "redirect:/clients/" + byReference.getFirst();
        }
        model.addAttribute("query", q);
        model.addAttribute("matches", byReference);
        return "clients/find";
    }

    @GetMapping("/clients/new")
    @PreAuthorize("hasAnyRole('PRACTITIONER', 'MANAGER')")
    String newClientPage(@AuthenticationPrincipal SignedInUser user, Model model) {
        return newClientForm(user, model, Map.of());
    }

    @PostMapping("/clients/new")
    String create(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> form, Model model) {
        try {
            ClientRecord client = registration.create(
                    user,
                    new NewClient(
                            UUID.fromString(form.getOrDefault("teamId", "")),
                            form.get("reference"),
                            ClientForms.demographics(form),
                            ClientForms.identifiers(form),
                            "on".equals(form.get("acknowledgeIdentifying"))));
            return "redirect:/clients/" + client.code();
        } catch (LooksIdentifying warned) {
            model.addAttribute("identifyingWarning", warned.getMessage());
            return newClientForm(user, model, form);
        } catch (ClientDetailsInvalid | ClientChangeRefused | IllegalArgumentException refused) {
            model.addAttribute(
                    "error", refused instanceof Refusal ? refused.getMessage() : "Choose one of your teams.");
            return newClientForm(user, model, form);
        }
    }

    private String newClientForm(SignedInUser user, Model model, Map<String, String> form) {
        ClientSettings current = settings.current();
        model.addAttribute("form", form);
        model.addAttribute("teams", ClientForms.teamNames(accounts, user));
        ClientForms.fieldChoices(model, current);
        return "clients/new";
    }
}
