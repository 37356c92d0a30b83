package org.trackwell.outcomes.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.trackwell.outcomes.internal.AnswersIncomplete;
import org.trackwell.outcomes.internal.AnswersInvalid;
import org.trackwell.outcomes.internal.ChartLinks;
import org.trackwell.outcomes.internal.LinkUnusable;
import org.trackwell.outcomes.internal.MeasureLinks;
import org.trackwell.outcomes.internal.MeasureProgress;
import org.trackwell.outcomes.internal.ProgressChart;
import org.trackwell.outcomes.internal.WrongPin;
import org.trackwell.shared.ServiceTimeZone;

/**
 * The pages a client opens from a link, with no account: questionnaires to answer, and their
 * charts behind a PIN. They show the service's name and nothing else that identifies anyone.
 */
@Controller
class ClientLinkPages {

    private final ServiceTimeZone zone;
    private final MeasureLinks links;
    private final ChartLinks charts;

    ClientLinkPages(MeasureLinks links, ChartLinks charts, ServiceTimeZone zone) {
        this.charts = charts;
        this.zone = zone;
        this.links = links;
    }

    @GetMapping("/c/{token}")
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            MeasureLinks.MeasureForm form = links.openMeasureLink(token);
            model.addAttribute("service", form.serviceName());
            model.addAttribute("measures", form.measures());
            if (!model.containsAttribute("given")) {
                model.addAttribute("given", Map.of());
            }
            return "outcomes/answer";
        } catch (LinkUnusable unusable) {
            return unusable(unusable, model, response);
        }
    }

    /** A refused submission shows the form again with the client's answers as they gave them. */
    @PostMapping("/c/{token}")
    String submit(
            @PathVariable String token,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response) {
        try {
            Map<String, Map<String, Integer>> answers = answersByMeasure(form);
            model.addAttribute("given", answers);
            links.submit(token, answers);
            return "outcomes/answered";
        } catch (AnswersInvalid | AnswersIncomplete refused) {
            response.setStatus(400);
            model.addAttribute("error", refused.getMessage());
            return form(token, model, response);
        } catch (LinkUnusable unusable) {
            return unusable(unusable, model, response);
        }
    }

    @GetMapping("/p/{token}")
    String pin(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("service", charts.chartLinkService(token));
            return "outcomes/pin";
        } catch (LinkUnusable unusable) {
            return unusable(unusable, model, response);
        }
    }

    @PostMapping("/p/{token}")
    String charts(@PathVariable String token, @RequestParam String pin, Model model, HttpServletResponse response) {
        try {
            ChartLinks.SharedCharts shared = charts.viewCharts(token, pin);
            Map<String, String> charts = new LinkedHashMap<>();
            for (MeasureProgress m : shared.progress().currentMeasures()) {
                charts.put(m.measure().id(), ProgressChart.of(m, zone.zone()));
            }
            model.addAttribute("service", shared.serviceName());
            model.addAttribute("progress", shared.progress());
            model.addAttribute("charts", charts);
            model.addAttribute("goalLabels", ProgressChart.labels(shared.goals()));
            model.addAttribute(
                    "goalChart",
                    shared.goals().stream().anyMatch(g -> !g.ratings().isEmpty())
                            ? ProgressChart.ofGoals(shared.goals(), zone.zone())
                            : null);
            return "outcomes/shared-charts";
        } catch (WrongPin wrong) {
            response.setStatus(wrong.status());
            model.addAttribute("error", wrong.getMessage());
            return pin(token, model, response);
        } catch (LinkUnusable unusable) {
            return unusable(unusable, model, response);
        }
    }

    /** Fields named {@code m.<measure>.<item>}, grouped by measure. */
    private static Map<String, Map<String, Integer>> answersByMeasure(Map<String, String> form) {
        Map<String, Map<String, Integer>> answers = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            String[] parts = name.split("[.]", 3);
            if (parts.length == 3 && parts[0].equals("m")) {
                answers.computeIfAbsent(parts[1], k -> new LinkedHashMap<>());
                SessionPages.answers(Map.of(parts[2], value), "").forEach(answers.get(parts[1])::put);
            }
        });
        return answers;
    }

    private static String unusable(LinkUnusable unusable, Model model, HttpServletResponse response) {
        response.setStatus(unusable.status());
        model.addAttribute("message", unusable.getMessage());
        return "outcomes/link-unusable";
    }
}
