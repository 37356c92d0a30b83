package org.trackwell.medication.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.medication.internal.MedicationSettings;
import org.trackwell.medication.internal.Medicines;
import org.trackwell.medication.internal.RoundIdentification;
import org.trackwell.shared.FormOutcome;

/** The tenant admin's choice of what the medication round shows to tell people apart. */
@Controller
@RequestMapping("/admin/medication/round-identification")
class RoundIdentificationPages {

    private final Medicines medicines;

    RoundIdentificationPages(Medicines medicines) {
        this.medicines = medicines;
    }

    @GetMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String page(Model model) {
        model.addAttribute("shown", medicines.settings().roundIdentification());
        model.addAttribute("choices", RoundIdentification.values());
        model.addAttribute("defaults", MedicationSettings.DEFAULT_IDENTIFICATION);
        return "medication/round-identification";
    }

    @PostMapping
    String change(@RequestParam(defaultValue = "") List<RoundIdentification> shown, RedirectAttributes redirect) {
        Set<RoundIdentification> chosen = EnumSet.noneOf(RoundIdentification.class);
        chosen.addAll(shown);
        FormOutcome.flash(redirect, () -> {
            medicines.changeRoundIdentification(chosen);
            return "Saved: the round now shows what you chose.";
        });
        return "redirect:/admin/medication/round-identification";
    }
}
