package org.trackwell.clients.web;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.trackwell.clients.internal.IdentifyingText;

/** The warning under any free-text field of the pages, as the user types. */
@Controller
class IdentifyingTextChecks {

    private final IdentifyingText detector;

    IdentifyingTextChecks(IdentifyingText detector) {
        this.detector = detector;
    }

    /** As the user types in any free-text field: the warning, or nothing. */
    @PostMapping("/identifying-text/check")
    String checkText(@RequestParam Map<String, String> form, Model model) {
        String text = form.entrySet().stream()
                .filter(field -> !field.getKey().startsWith("_"))
                .map(Map.Entry::getValue)
                .collect(Collectors.joining("\n"));
        model.addAttribute("warning", IdentifyingText.warning(detector.findIn(text)));
        return "clients/warning :: warning";
    }
}
