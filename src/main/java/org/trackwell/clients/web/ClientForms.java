package org.trackwell.clients.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.LooksIdentifying;
import org.trackwell.clients.internal.ClientChangeRefused;
import org.trackwell.clients.internal.ClientDetailsInvalid;
import org.trackwell.clients.internal.ClientRecord;
import org.trackwell.clients.internal.ClientSettings;
import org.trackwell.clients.internal.Demographic;
import org.trackwell.clients.internal.Identifier;
import org.trackwell.clients.internal.Identifiers;
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

    /** The demographics a client form gives, as {@code demographic.<NAME>} fields; lists split at commas. */
    static Map<Demographic, Object> demographics(Map<String, String> form) {
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
        return demographics;
    }

    /** The identifying details a client form gives, as {@code identifier.<NAME>} fields. */
    /** What the client-fields fragment offers: the identifiers and demographics the service records. */
    static void fieldChoices(Model model, ClientSettings current) {
        model.addAttribute(
                "demographics",
                Arrays.stream(Demographic.values())
                        .filter(current.demographics()::contains)
                        .toList());
        model.addAttribute(
                "identifiers",
                Arrays.stream(Identifier.values()).filter(current::records).toList());
    }

    static Identifiers identifiers(Map<String, String> form) {
        return new Identifiers(
                form.get("identifier.NAME"),
                form.get("identifier.DATE_OF_BIRTH"),
                form.get("identifier.NHS_NUMBER"),
                form.get("identifier.ADDRESS"),
                form.get("identifier.EMAIL"),
                form.get("identifier.PHONE"));
    }

    /** A client's details as the form shows them again: the fields {@link #demographics} and {@link #identifiers} read. */
    static Map<String, String> form(ClientRecord client) {
        Map<String, String> form = new HashMap<>();
        if (client.reference() != null) {
            form.put("reference", client.reference());
        }
        client.demographics()
                .forEach((demographic, value) -> form.put(
                        "demographic." + demographic.name(),
                        value instanceof Collection<?> list
                                ? String.join(
                                        ", ", list.stream().map(String::valueOf).toList())
                                : String.valueOf(value)));
        for (Identifier identifier : Identifier.values()) {
            String value = client.identifiers().get(identifier);
            if (value != null) {
                form.put("identifier." + identifier.name(), value);
            }
        }
        return form;
    }

    static String clientPage(ClientRef client) {
        return "redirect:/clients/" + client.code();
    }
}
