package org.trackwell.operator.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.trackwell.operator.OperatorHealth;

/** The installation's health as a page for signed-in operators: counts and states, never tenant content. */
@Controller
class OperatorHealthPage {

    private final OperatorHealth health;

    OperatorHealthPage(OperatorHealth health) {
        this.health = health;
    }

    @GetMapping("/operator/health")
    @PreAuthorize("hasRole('OPERATOR')")
    String health(Model model) {
        model.addAttribute("report", health.report());
        return "operator/health";
    }
}
