package org.trackwell.tenancy.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.shared.Confirmation;
import org.trackwell.tenancy.ModulesUsed;
import org.trackwell.tenancy.OptionalModule;

/**
 * The tenant admin's page for the modules the service uses. Switching one off asks first and says
 * that its records are kept and hidden, not deleted; switching one on needs no asking.
 */
@Controller
@RequestMapping("/admin/settings/modules")
class ModulesPages {

    private final ModulesUsed modules;

    ModulesPages(ModulesUsed modules) {
        this.modules = modules;
    }

    record ModuleChoice(OptionalModule module, String words, String covers, boolean used) {}

    @GetMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String page(Model model) {
        Set<OptionalModule> used = modules.used();
        model.addAttribute(
                "choices",
                EnumSet.allOf(OptionalModule.class).stream()
                        .map(m -> new ModuleChoice(m, m.words(), m.covers(), used.contains(m)))
                        .toList());
        return "tenancy/modules";
    }

    @PostMapping
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    String change(
            @RequestParam(defaultValue = "") List<OptionalModule> used,
            @RequestParam(defaultValue = "false") boolean confirmed,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Set<OptionalModule> chosen = used.isEmpty() ? EnumSet.noneOf(OptionalModule.class) : EnumSet.copyOf(used);
        Set<OptionalModule> switchedOff = EnumSet.noneOf(OptionalModule.class);
        switchedOff.addAll(modules.used());
        switchedOff.removeAll(chosen);
        if (!switchedOff.isEmpty() && !confirmed) {
            String names = switchedOff.stream().map(OptionalModule::words).collect(Collectors.joining(" and "));
            return new Confirmation(
                            "Switch off " + names + "?",
                            "Its pages, menus, home-page parts, reports and API disappear for everyone in your"
                                    + " service, and its reminders and alerts stop. Nothing is deleted: the records"
                                    + " are kept, hidden, and switching it on again shows them all. The whole"
                                    + " service's archive still includes them.",
                            "Switch off " + names,
                            "/admin/settings/modules")
                    .ask(request, model);
        }
        modules.change(chosen);
        redirect.addFlashAttribute("done", "Saved. " + inUse(chosen));
        return "redirect:/admin/settings/modules";
    }

    private static String inUse(Set<OptionalModule> used) {
        if (used.isEmpty()) {
            return "Your service now uses neither outcome measures nor medication.";
        }
        return "Your service now uses "
                + used.stream().map(m -> m.words().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" and "))
                + ".";
    }
}
