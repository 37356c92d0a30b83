package org.trackwell.medication.web;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.medication.internal.Medicines;
import org.trackwell.shared.FormOutcome;

/** The service's medicines. */
@Controller
class MedicinePages {

    private final Medicines medicines;

    MedicinePages(Medicines medicines) {
        this.medicines = medicines;
    }

    @GetMapping("/medication/medicines")
    String medicinesPage(Model model) {
        model.addAttribute("medicines", medicines.list());
        return "medication/medicines";
    }

    @PostMapping("/medication/medicines")
    String addMedicine(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FormOutcome.flash(redirect, MedicationForms.typed(form), () -> {
            String schedule = form.getOrDefault("cdSchedule", "");
            medicines.add(
                    form.getOrDefault("name", ""),
                    form.getOrDefault("form", ""),
                    form.getOrDefault("strength", ""),
                    form.getOrDefault("route", ""),
                    !schedule.isBlank(),
                    schedule.isBlank() ? null : Integer.valueOf(schedule),
                    form.get("notes"));
            return "Medicine added.";
        });
        return "redirect:/medication/medicines";
    }
}
