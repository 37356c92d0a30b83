package org.trackwell.outcomes.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.trackwell.clients.CaseloadFilter;
import org.trackwell.clients.Clients;
import org.trackwell.identity.SignedInUser;
import org.trackwell.outcomes.internal.MeasureCatalogue;
import org.trackwell.outcomes.internal.Progress;

/** The caseload's progress at a glance. */
@Controller
class ProgressPages {

    private final Progress progress;
    private final MeasureCatalogue catalogue;

    ProgressPages(Progress progress, MeasureCatalogue catalogue) {
        this.progress = progress;
        this.catalogue = catalogue;
    }

    @GetMapping("/progress")
    String caseload(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            Model model) {
        var lines = progress.caseload(user, new CaseloadFilter(null, null, "OPEN"), page);
        model.addAttribute("lines", lines.stream().limit(Clients.pageSize()).toList());
        model.addAttribute("hasNext", lines.size() > Clients.pageSize());
        model.addAttribute("page", page);
        model.addAttribute("settings", catalogue.settings());
        return "outcomes/progress";
    }
}
