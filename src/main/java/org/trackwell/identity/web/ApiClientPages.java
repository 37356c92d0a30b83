package org.trackwell.identity.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.ApiScope;
import org.trackwell.identity.ServiceAccounts;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.Team;
import org.trackwell.identity.internal.ApiClient;
import org.trackwell.identity.internal.ApiClientRefused;
import org.trackwell.identity.internal.IssuedKey;
import org.trackwell.identity.internal.NewApiClient;
import org.trackwell.shared.ServiceTimeZone;

/**
 * The tenant admin's page for service accounts (API clients): make one, see them, give one a new
 * key with an overlap, revoke one. A new key is shown once, on the page that answers the form.
 */
@Controller
@RequestMapping("/admin/settings/api-clients")
class ApiClientPages {

    private static final String PAGE = "identity/api-clients";

    private final ServiceAccounts accounts;
    private final Accounts people;
    private final ServiceTimeZone zone;
    private final Clock clock;

    ApiClientPages(ServiceAccounts accounts, Accounts people, ServiceTimeZone zone, Clock clock) {
        this.accounts = accounts;
        this.people = people;
        this.zone = zone;
        this.clock = clock;
    }

    /** One service account, in words. */
    record Row(
            UUID id,
            String name,
            List<String> may,
            String teams,
            int callsPerMinute,
            String expires,
            String state,
            List<String> keys,
            boolean active,
            boolean revocable) {}

    /** A scope to tick, with what it allows. */
    record ScopeChoice(String code, String meaning, boolean chosen) {}

    /** A team to tick. */
    record TeamChoice(UUID id, String name, boolean chosen) {}

    /** What the admin typed, kept when the form is refused. */
    record Typed(String name, Set<String> scopes, Set<UUID> teams, String expiresOn, String callsPerMinute) {}

    @GetMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String page(Model model) {
        return show(
                model, new Typed("", Set.of(), Set.of(), "", String.valueOf(NewApiClient.DEFAULT_CALLS_PER_MINUTE)));
    }

    @PostMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String create(
            @AuthenticationPrincipal SignedInUser admin,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") List<String> scopes,
            @RequestParam(defaultValue = "") List<UUID> teams,
            @RequestParam(defaultValue = "") String expiresOn,
            @RequestParam(defaultValue = "") String callsPerMinute,
            Model model) {
        Typed typed = new Typed(name, Set.copyOf(scopes), Set.copyOf(teams), expiresOn, callsPerMinute);
        try {
            IssuedKey key = accounts.create(
                    admin,
                    new NewApiClient(
                            name, chosenScopes(scopes), Set.copyOf(teams), date(expiresOn), number(callsPerMinute)));
            return shown(model, key, "The service account " + name.strip() + " is ready.");
        } catch (ApiClientRefused refused) {
            model.addAttribute("error", refused.getMessage() + " Nothing was changed.");
            return show(model, typed);
        }
    }

    @PostMapping("/{id}/rotate")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String rotate(@PathVariable UUID id, @RequestParam(defaultValue = "24") int overlapHours, Model model) {
        try {
            IssuedKey key = accounts.rotate(id, Duration.ofHours(overlapHours));
            return shown(
                    model,
                    key,
                    overlapHours == 0
                            ? "The old key has stopped working."
                            : "The old key keeps working for " + overlapHours + " hours, then stops.");
        } catch (ApiClientRefused refused) {
            model.addAttribute("error", refused.getMessage() + " Nothing was changed.");
            return page(model);
        }
    }

    @PostMapping("/{id}/revoke")
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        accounts.revoke(id);
        redirect.addFlashAttribute("done", "The service account is revoked: its keys no longer work.");
        return "redirect:/admin/settings/api-clients";
    }

    private String shown(Model model, IssuedKey key, String done) {
        model.addAttribute("key", key.key());
        model.addAttribute("done", done);
        return "identity/api-client-key";
    }

    private String show(Model model, Typed typed) {
        List<Team> teams = people.teams();
        Map<UUID, String> teamNames = teams.stream().collect(Collectors.toMap(Team::id, Team::name));
        Instant now = clock.instant();
        model.addAttribute(
                "clients",
                accounts.list().stream()
                        .map(client -> row(client, teamNames, now))
                        .toList());
        model.addAttribute(
                "scopeChoices",
                EnumSet.allOf(ApiScope.class).stream()
                        .map(scope -> new ScopeChoice(
                                scope.code(), scope.meaning(), typed.scopes().contains(scope.code())))
                        .toList());
        model.addAttribute(
                "teamChoices",
                teams.stream()
                        .map(team -> new TeamChoice(
                                team.id(), team.name(), typed.teams().contains(team.id())))
                        .toList());
        model.addAttribute("typed", typed);
        return PAGE;
    }

    private Row row(ApiClient client, Map<UUID, String> teamNames, Instant now) {
        DateTimeFormatter when =
                DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK).withZone(zone.zone());
        String state = client.revoked()
                ? "Revoked " + when.format(client.revokedAt())
                : client.expiredAt(now) ? "Expired" : "Active";
        return new Row(
                client.id(),
                client.name(),
                client.scopes().stream().sorted().map(ApiScope::meaning).toList(),
                client.teams().stream()
                        .map(team -> teamNames.getOrDefault(team, "a team no longer listed"))
                        .sorted()
                        .collect(Collectors.joining(", ")),
                client.callsPerMinute(),
                when.format(client.expiresAt()),
                state,
                client.keys().stream()
                        .map(key -> "Made " + when.format(key.createdAt())
                                + (key.retiresAt() == null
                                        ? ""
                                        : (key.retiresAt().isAfter(now) ? ", works until " : ", stopped ")
                                                + when.format(key.retiresAt())))
                        .toList(),
                !client.revoked() && !client.expiredAt(now),
                !client.revoked());
    }

    private static Set<ApiScope> chosenScopes(List<String> codes) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String code : codes) {
            scopes.add(
                    ApiScope.ofCode(code).orElseThrow(() -> new ApiClientRefused("Choose from the list of scopes.")));
        }
        return scopes;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException notADate) {
            throw new ApiClientRefused("Give the last day the key works, as a date.");
        }
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            throw new ApiClientRefused("Calls a minute must be a whole number between 1 and 10,000.");
        }
    }
}
