package org.trackwell.clients.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.clients.CaseloadFilter;
import org.trackwell.clients.ClientChangeRefused;
import org.trackwell.clients.ClientDetailsInvalid;
import org.trackwell.clients.ClientFlags;
import org.trackwell.clients.ClientHistory;
import org.trackwell.clients.ClientNote;
import org.trackwell.clients.ClientRecord;
import org.trackwell.clients.ClientSettings;
import org.trackwell.clients.Clients;
import org.trackwell.clients.ClosureReason;
import org.trackwell.clients.Consent;
import org.trackwell.clients.Demographic;
import org.trackwell.clients.Episode;
import org.trackwell.clients.EpisodeStage;
import org.trackwell.clients.Episodes;
import org.trackwell.clients.Identifier;
import org.trackwell.clients.Identifiers;
import org.trackwell.clients.IdentifyingText;
import org.trackwell.clients.LooksIdentifying;
import org.trackwell.clients.NewClient;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.clients.RiskLevel;
import org.trackwell.clients.internal.ClientRows;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.Team;
import org.trackwell.identity.User;
import org.trackwell.shared.Refusal;
import org.trackwell.shared.UserId;

/** The caseload, adding a client, and the client's page: the centre of the product. */
@Controller
class ClientPages {

    private final Clients clients;
    private final Episodes episodes;
    private final ClientHistory history;
    private final ClientFlags flags;
    private final IdentifyingText detector;
    private final Accounts accounts;
    private final Clock clock;

    ClientPages(
            Clients clients,
            Episodes episodes,
            ClientHistory history,
            ClientFlags flags,
            IdentifyingText detector,
            Accounts accounts,
            Clock clock) {
        this.clients = clients;
        this.episodes = episodes;
        this.history = history;
        this.flags = flags;
        this.detector = detector;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/clients")
    String caseload(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable UUID team,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            Model model) {
        String episodeStatus = status == null || status.isBlank() ? null : status;
        var found = clients.caseload(user, new CaseloadFilter(team, null, episodeStatus), page);
        model.addAttribute("clients", found.stream().limit(Clients.pageSize()).toList());
        model.addAttribute("hasNext", found.size() > Clients.pageSize());
        model.addAttribute("page", page);
        model.addAttribute("team", team);
        model.addAttribute("status", episodeStatus);
        model.addAttribute("teams", teamNames(user));
        return "clients/caseload";
    }

    /** Finds a client by pseudonym code (any case, any separators) or by the service's reference. */
    @GetMapping("/clients/find")
    String find(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String q, Model model) {
        Optional<PseudonymCode> code = PseudonymCode.parse(q);
        if (code.isPresent()) {
            return "redirect:/clients/" + code.get();
        }
        List<PseudonymCode> byReference =
                q.isBlank() ? List.of() : clients.search(user, ClientRows.IndexedField.REFERENCE, q);
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
        Map<Demographic, Object> demographics = new EnumMap<>(Demographic.class);
        for (Demographic demographic : Demographic.values()) {
            String value =
                    form.getOrDefault("demographic." + demographic.name(), "").strip();
            if (!value.isEmpty()) {
                demographics.put(
                        demographic,
                        demographic.isList()
                                ? Arrays.stream(value.split(","))
                                        .map(String::strip)
                                        .filter(s -> !s.isEmpty())
                                        .toList()
                                : value);
            }
        }
        try {
            ClientRecord client = clients.create(
                    user,
                    new NewClient(
                            UUID.fromString(form.getOrDefault("teamId", "")),
                            form.get("reference"),
                            demographics,
                            new Identifiers(
                                    form.get("identifier.NAME"),
                                    form.get("identifier.DATE_OF_BIRTH"),
                                    form.get("identifier.NHS_NUMBER"),
                                    form.get("identifier.ADDRESS"),
                                    form.get("identifier.EMAIL"),
                                    form.get("identifier.PHONE")),
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

    @GetMapping("/clients/{code}")
    String client(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, Model model) {
        ClientRecord client = clients.record(user, code);
        model.addAttribute("client", client);
        model.addAttribute("teams", teamNames(user));
        List<User> staff = accounts.list();
        model.addAttribute("names", staff.stream().collect(Collectors.toMap(User::id, User::displayName)));
        model.addAttribute(
                "identifiers",
                clients.settings().identifiers().stream().sorted().toList());
        if (client.access() == ClientRecord.Access.FULL) {
            List<Episode> all = episodes.of(user, code);
            model.addAttribute("current", all.stream().findFirst().orElse(null));
            model.addAttribute("earlier", all.stream().skip(1).toList());
            model.addAttribute("flags", flags.open(user, code));
            model.addAttribute("notes", history.notes(user, code));
            model.addAttribute("risks", history.risks(user, code));
            model.addAttribute("consents", history.consents(user, code));
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
    String accessLog(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, Model model) {
        model.addAttribute("entries", clients.accessLog(user, code));
        model.addAttribute("code", PseudonymCode.parse(code).orElseThrow());
        model.addAttribute(
                "names", accounts.list().stream().collect(Collectors.toMap(u -> u.id().toString(), User::displayName)));
        return "clients/access";
    }

    @PostMapping("/clients/{code}/episodes")
    String openEpisode(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @RequestParam(defaultValue = "") String referredOn,
            @RequestParam(defaultValue = "") String referralSource,
            @RequestParam(defaultValue = "false") boolean acknowledgeIdentifying,
            RedirectAttributes redirect) {
        try {
            episodes.open(user, code, date(referredOn), referralSource, acknowledgeIdentifying);
            redirect.addFlashAttribute("done", "Episode opened.");
        } catch (LooksIdentifying warned) {
            redirect.addFlashAttribute("episodeWarning", warned.getMessage());
            redirect.addFlashAttribute("referredOnText", referredOn);
            redirect.addFlashAttribute("referralSourceText", referralSource);
        } catch (ClientDetailsInvalid | ClientChangeRefused refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/clients/" + code;
    }

    @PostMapping("/clients/{code}/episodes/{episode}/stage")
    String moveEpisode(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID episode,
            @RequestParam EpisodeStage stage,
            RedirectAttributes redirect) {
        return act(redirect, code, () -> episodes.moveTo(user, code, episode, stage), "Stage changed.");
    }

    @PostMapping("/clients/{code}/episodes/{episode}/close")
    String closeEpisode(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID episode,
            @RequestParam(defaultValue = "") String closedOn,
            @RequestParam(defaultValue = "false") boolean planned,
            @RequestParam ClosureReason reason,
            RedirectAttributes redirect) {
        return act(
                redirect,
                code,
                () -> episodes.close(user, code, episode, date(closedOn), planned, reason),
                "Episode closed.");
    }

    @PostMapping("/clients/{code}/episodes/{episode}/reopen")
    String reopenEpisode(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID episode,
            RedirectAttributes redirect) {
        return act(redirect, code, () -> episodes.reopen(user, code, episode), "Episode re-opened.");
    }

    @PostMapping("/clients/{code}/episodes/{episode}/follow-ups")
    String addFollowUp(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID episode,
            @RequestParam(defaultValue = "") String dueOn,
            RedirectAttributes redirect) {
        return act(redirect, code, () -> episodes.addFollowUp(user, code, episode, date(dueOn)), "Follow-up added.");
    }

    @PostMapping("/clients/{code}/notes")
    String writeNote(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) @Nullable UUID episodeId,
            @RequestParam(defaultValue = "false") boolean acknowledgeIdentifying,
            RedirectAttributes redirect) {
        try {
            history.writeNote(user, code, episodeId, ClientNote.Kind.CASE, text, acknowledgeIdentifying);
            redirect.addFlashAttribute("done", "Note saved.");
        } catch (LooksIdentifying warned) {
            redirect.addFlashAttribute("noteWarning", warned.getMessage());
            redirect.addFlashAttribute("noteText", text);
        } catch (ClientDetailsInvalid | ClientChangeRefused refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/clients/" + code;
    }

    @PostMapping("/clients/{code}/flags/{flag}/clear")
    String clearFlag(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @PathVariable UUID flag,
            RedirectAttributes redirect) {
        return act(redirect, code, () -> flags.clear(user, code, flag), "Flag cleared.");
    }

    @PostMapping("/clients/{code}/risk")
    String recordRisk(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @RequestParam RiskLevel level,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "false") boolean acknowledgeIdentifying,
            RedirectAttributes redirect) {
        return act(
                redirect,
                code,
                () -> history.recordRisk(user, code, level, note, LocalDate.now(clock), acknowledgeIdentifying),
                "Risk recorded.");
    }

    @PostMapping("/clients/{code}/consents")
    String recordConsent(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @RequestParam Consent.Purpose purpose,
            @RequestParam(defaultValue = "false") boolean given,
            @RequestParam(defaultValue = "") String on,
            RedirectAttributes redirect) {
        return act(
                redirect,
                code,
                () -> history.recordConsent(user, code, new Consent(purpose, given, date(on))),
                "Consent recorded.");
    }

    @PostMapping("/clients/{code}/practitioners")
    String allocate(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @RequestParam(defaultValue = "") List<UUID> practitioners,
            RedirectAttributes redirect) {
        return act(
                redirect,
                code,
                () -> clients.allocate(
                        user, code, practitioners.stream().map(UserId::new).toList()),
                "Allocation saved.");
    }

    /** As the user types in any free-text field: the warning, or nothing. */
    @PostMapping("/identifying-text/check")
    String checkText(@RequestParam Map<String, String> form, Model model) {
        String text = form.entrySet().stream()
                .filter(field -> !field.getKey().startsWith("_"))
                .map(Map.Entry::getValue)
                .collect(Collectors.joining("\n"));
        model.addAttribute("warning", IdentifyingText.warning(detector.findIn(text)));
        return "clients/warning :: warning";
    }

    private String newClientForm(SignedInUser user, Model model, Map<String, String> form) {
        ClientSettings settings = clients.settings();
        model.addAttribute("form", form);
        model.addAttribute("teams", teamNames(user));
        model.addAttribute(
                "demographics",
                Arrays.stream(Demographic.values())
                        .filter(settings.demographics()::contains)
                        .toList());
        model.addAttribute(
                "identifiers",
                Arrays.stream(Identifier.values()).filter(settings::records).toList());
        return "clients/new";
    }

    private Map<UUID, String> teamNames(SignedInUser user) {
        return accounts.teams().stream()
                .filter(team -> user.teams().contains(team.id()))
                .collect(Collectors.toMap(Team::id, Team::name, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private LocalDate date(String text) {
        try {
            return text.isBlank() ? LocalDate.now(clock) : LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ClientDetailsInvalid("Give dates as YYYY-MM-DD.");
        }
    }

    private static String act(RedirectAttributes redirect, String code, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (ClientDetailsInvalid | ClientChangeRefused | LooksIdentifying refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/clients/" + code;
    }
}
