package org.trackwell.medication.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.medication.internal.MedicationRefused;
import org.trackwell.medication.internal.MedicationSettings;
import org.trackwell.medication.internal.Medicines;
import org.trackwell.medication.internal.WitnessedDoses;
import org.trackwell.shared.FormOutcome;

/**
 * The tenant admin's page for how the service runs medication: its time zone, when a dose is on
 * time, the PRN follow-up, the stock warnings, which doses need a witness and how often controlled
 * drugs are counted. {@link Medicines#changeSettings} checks the
 * values and records each change with its old and new value.
 */
@Controller
@RequestMapping("/admin/settings/medication")
class MedicationSettingsPages {

    private static final String[] FIELDS = {
        "timeZone",
        "toleranceMinutes",
        "prnEffectMinutes",
        "lowStockDays",
        "expiryWarningDays",
        "witnessedDoses",
        "stockCountDays"
    };

    private final Medicines medicines;

    MedicationSettingsPages(Medicines medicines) {
        this.medicines = medicines;
    }

    @GetMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String page(Model model) {
        MedicationSettings settings = medicines.settings();
        model.addAttribute("settings", settings);
        model.addAttribute("defaults", MedicationSettings.defaults());
        model.addAttribute("witnessChoices", WitnessedDoses.values());
        return "medication/settings";
    }

    @PostMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String change(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : FIELDS) {
            typed.put(field, form.getOrDefault(field, ""));
        }
        FormOutcome.flash(redirect, typed, () -> {
            medicines.changeSettings(
                    form.getOrDefault("timeZone", "").strip(),
                    whole(form.getOrDefault("toleranceMinutes", ""), "Minutes either side of the due time"),
                    whole(form.getOrDefault("prnEffectMinutes", ""), "The PRN follow-up"),
                    whole(form.getOrDefault("lowStockDays", ""), "The low-stock warning"),
                    whole(form.getOrDefault("expiryWarningDays", ""), "The expiry warning"),
                    null,
                    witnessed(form.getOrDefault("witnessedDoses", "")),
                    whole(form.getOrDefault("stockCountDays", ""), "How often controlled drugs are counted"));
            return "Saved. The new settings apply from now on.";
        });
        return "redirect:/admin/settings/medication";
    }

    private static WitnessedDoses witnessed(String chosen) {
        for (WitnessedDoses choice : WitnessedDoses.values()) {
            if (choice.name().equals(chosen)) {
                return choice;
            }
        }
        throw MedicationRefused.invalid("Choose which doses need a witness.");
    }

    private static int whole(String typed, String what) {
        String trimmed = typed.strip();
        if (!trimmed.matches("[0-9]{1,6}")) {
            throw MedicationRefused.invalid(what + " must be a whole number, such as 30.");
        }
        return Integer.parseInt(trimmed);
    }
}
