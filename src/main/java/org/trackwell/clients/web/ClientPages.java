package org.trackwell.clients.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Episode;
import org.trackwell.clients.EpisodeStage;
import org.trackwell.clients.Episodes;
import org.trackwell.clients.ReachedClient;
import org.trackwell.clients.ReachedClient.Need;
import org.trackwell.clients.RiskLevel;
import org.trackwell.clients.internal.ClientFlags;
import org.trackwell.clients.internal.ClientHistory;
import org.trackwell.clients.internal.ClientOversight;
import org.trackwell.clients.internal.ClientRecord;
import org.trackwell.clients.internal.ClientRegistration;
import org.trackwell.clients.internal.ClosureReason;
import org.trackwell.clients.internal.Consent;
import org.trackwell.clients.internal.Settings;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.User;
import org.trackwell.shared.UserId;

/**
 * The client's page, the centre of the product: the record and, for those who may see them, its
 * episodes, flags, notes, risk and consents, in one read; its allocation; and its access log.
 */
@Controller
class ClientPages {

    private final ClientRegistration registration;
    private final ClientOversight oversight;
    private final Settings settings;
    private final Episodes episodes;
    private final ClientHistory history;
    private final ClientFlags flags;
    private final Accounts accounts;
    private final Clock clock;

    ClientPages(
            ClientRegistration registration,
            ClientOversight oversight,
            Settings settings,
            Episodes episodes,
            ClientHistory history,
            ClientFlags flags,
            Accounts accounts,
            Clock clock) {
        this.registration = registration;
        this.oversight = oversight;
        this.settings = settings;
        this.episodes = episodes;
        this.history = history;
        this.flags = flags;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/clients/{code}")
    String client(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient(value = Need.MEDICATION_RECORD, viewed = AuditAction.CLIENT_PAGE_VIEWED) ClientRef reached,
            Model model) {
        ClientRecord client = registration.record(user, reached);
        model.addAttribute("client", client);
        model.addAttribute("teams", ClientForms.teamNames(accounts, user));
        List<User> staff = accounts.list();
        model.addAttribute("names", staff.stream().collect(Collectors.toMap(User::id, User::displayName)));
        model.addAttribute(
                "identifiers",
                settings.current().identifiers().stream().sorted().toList());
        if (client.access() == ClientRecord.Access.FULL) {
            List<Episode> all = episodes.ofClient(reached);
            model.addAttribute("current", all.stream().findFirst().orElse(null));
            model.addAttribute("earlier", all.stream().skip(1).toList());
            model.addAttribute("flags", flags.open(reached));
            model.addAttribute("notes", history.notes(reached));
            model.addAttribute("risks", history.risks(reached));
            model.addAttribute("consents", history.consents(reached));
            model.addAttribute(
                    "practitioners",
                    staff.stream()
                            .filter(u -> u.roles().contains(Role.PRACTITIONER))
                            .toList());
        }
        model.addAttribute("stages", EpisodeStage.values());
        model.addAttribute("reasons", ClosureReason.values());
        model.addAttribute("levels", RiskLevel.values());
        model.addAttribute("purposes", Consent.Purpose.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "clients/client";
    }

    /** For the managers of the client's team: who looked at or changed the record. */
    @GetMapping("/clients/{code}/access")
    String accessLog(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient(value = Need.ACCESS_LOG, viewed = AuditAction.CLIENT_ACCESS_LOG_VIEWED) ClientRef client,
            Model model) {
        model.addAttribute("entries", oversight.accessLog(user, client));
        model.addAttribute("code", client.code());
        model.addAttribute(
                "names", accounts.list().stream().collect(Collectors.toMap(u -> u.id().toString(), User::displayName)));
        return "clients/access";
    }

    @PostMapping("/clients/{code}/practitioners")
    String allocate(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient ClientRef client,
            @RequestParam(defaultValue = "") List<UUID> practitioners,
            RedirectAttributes redirect) {
        return ClientForms.act(
                redirect,
                client,
                () -> oversight.allocate(
                        user, client, practitioners.stream().map(UserId::new).toList()),
                "Allocation saved.");
    }
}
