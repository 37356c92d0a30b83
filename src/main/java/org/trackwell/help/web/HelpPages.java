package org.trackwell.help.web;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.trackwell.help.internal.HelpCentre;
import org.trackwell.help.internal.Tips;
import org.trackwell.identity.SignedInUser;

/**
 * The help centre, open to anyone on a tenant's host: it holds no data, only the help that is also
 * in the repository's docs, and people need it before they can sign in. Dismissing a first-time
 * tip needs a signed-in user.
 */
@Controller
@Validated
class HelpPages {

    private final HelpCentre help;
    private final Tips tips;

    HelpPages(HelpCentre help, Tips tips) {
        this.help = help;
        this.tips = tips;
    }

    @GetMapping("/help")
    String help(@RequestParam(name = "q", required = false) @Size(max = 200) @Nullable String query, Model model) {
        model.addAttribute("help", help.html());
        if (query != null && !query.isBlank()) {
            model.addAttribute("query", query.strip());
            model.addAttribute("results", help.search(query));
        }
        return "help/help";
    }

    /** htmx swaps the tip away with the empty answer; without htmx the form goes back home. */
    @PostMapping("/help/tips/{tip}/dismiss")
    ResponseEntity<String> dismiss(
            @PathVariable String tip,
            @AuthenticationPrincipal @Nullable SignedInUser user,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx) {
        if (user == null
                || help.section(tip).flatMap(HelpCentre.Section::tipHtml).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        tips.dismiss(user.tenant(), user.id(), tip);
        return htmx != null
                ? ResponseEntity.ok("")
                : ResponseEntity.status(HttpStatus.SEE_OTHER)
                        .header("Location", "/")
                        .build();
    }
}
