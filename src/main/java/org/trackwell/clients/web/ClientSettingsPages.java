package org.trackwell.clients.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.clients.ClientIdentifiers;
import org.trackwell.clients.internal.ClientDetailsInvalid;
import org.trackwell.clients.internal.ClientSettings;
import org.trackwell.clients.internal.Demographic;
import org.trackwell.clients.internal.Identifier;
import org.trackwell.clients.internal.Settings;
import org.trackwell.shared.FormOutcome;

/**
 * The tenant admin's page for what the service records about its clients: which identifying
 * details (none by default), which demographics, and the cap on open cases. {@link
 * Settings#change} checks the values and records each change with its old and new value.
 */
@Controller
@RequestMapping("/admin/settings/clients")
class ClientSettingsPages {

    private final Settings settings;

    ClientSettingsPages(Settings settings) {
        this.settings = settings;
    }

    record Choice(String value, String words, boolean chosen) {}

    @GetMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String page(Model model) {
        ClientSettings current = settings.current();
        @SuppressWarnings("unchecked")
        Map<String, String> typed = (Map<String, String>) model.getAttribute("typed");
        List<Choice> identifiers = new ArrayList<>();
        for (Identifier identifier : Identifier.values()) {
            identifiers.add(new Choice(
                    identifier.name(),
                    identifierWords(identifier),
                    typed == null ? current.records(identifier) : chosen(typed, "identifiers", identifier)));
        }
        List<Choice> demographics = new ArrayList<>();
        for (Demographic demographic : Demographic.values()) {
            demographics.add(new Choice(
                    demographic.name(),
                    words(demographic),
                    typed == null
                            ? current.demographics().contains(demographic)
                            : chosen(typed, "demographics", demographic)));
        }
        model.addAttribute("identifiers", identifiers);
        model.addAttribute("demographics", demographics);
        model.addAttribute(
                "openCaseCap",
                typed != null
                        ? typed.get("openCaseCap")
                        : current.openCaseCap() == null ? "" : String.valueOf(current.openCaseCap()));
        return "clients/settings";
    }

    @PostMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String change(
            @RequestParam(defaultValue = "") List<Identifier> identifiers,
            @RequestParam(defaultValue = "") List<Demographic> demographics,
            @RequestParam(defaultValue = "") String openCaseCap,
            RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("identifiers", marked(identifiers));
        typed.put("demographics", marked(demographics));
        typed.put("openCaseCap", openCaseCap);
        FormOutcome.flash(redirect, typed, () -> {
            Set<Identifier> chosenIdentifiers =
                    identifiers.isEmpty() ? EnumSet.noneOf(Identifier.class) : EnumSet.copyOf(identifiers);
            Set<Demographic> chosenDemographics =
                    demographics.isEmpty() ? EnumSet.noneOf(Demographic.class) : EnumSet.copyOf(demographics);
            settings.change(new ClientSettings(chosenIdentifiers, chosenDemographics, cap(openCaseCap)));
            return "Saved. Client pages ask for what you chose from now on.";
        });
        return "redirect:/admin/settings/clients";
    }

    private static @Nullable Integer cap(String typed) {
        String trimmed = typed.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (!trimmed.matches("[0-9]{1,6}")) {
            throw new ClientDetailsInvalid("The cap on open cases must be a whole number, such as 30, or left empty.");
        }
        return Integer.parseInt(trimmed);
    }

    private static String marked(List<? extends Enum<?>> values) {
        StringBuilder marks = new StringBuilder();
        values.forEach(value -> marks.append('[').append(value.name()).append(']'));
        return marks.toString();
    }

    private static boolean chosen(Map<String, String> typed, String field, Enum<?> value) {
        return typed.getOrDefault(field, "").contains("[" + value.name() + "]");
    }

    static String identifierWords(Identifier identifier) {
        return ClientIdentifiers.words(identifier);
    }

    private static String words(Enum<?> value) {
        String spaced = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
