package org.trackwell.clients.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.LooksIdentifying;
import org.trackwell.clients.internal.ClientChangeRefused;
import org.trackwell.clients.internal.ClientDetailsInvalid;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.Team;

/** What the client pages' forms share: dates as typed, the user's teams, and back to the client's page. */
final class ClientForms {

    private ClientForms() {}

    /** A date as typed, today when left blank. */
    static LocalDate date(String text, Clock clock) {
        try {
            return text.isBlank() ? LocalDate.now(clock) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ClientDetailsInvalid("Give dates as YYYY-MM-DD.");
        }
    }

    static Map<UUID, String> teamNames(Accounts accounts, SignedInUser user) {
        return accounts.teams().stream()
                .filter(team -> user.teams().contains(team.id()))
                .collect(Collectors.toMap(Team::id, Team::name, (a, b) -> a, LinkedHashMap::new));
    }

    /** Does a change and goes back to the client's page, saying it was done or why it was not. */
    static String act(RedirectAttributes redirect, ClientRef client, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (ClientDetailsInvalid | ClientChangeRefused | LooksIdentifying refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return clientPage(client);
    }

    static String clientPage(ClientRef client) {
        return "redirect:/clients/" + client.code();
    }
}
