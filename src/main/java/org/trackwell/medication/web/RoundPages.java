package org.trackwell.medication.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ReachedClient;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.ClientInfo;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.Team;
import org.trackwell.medication.internal.DoseRecord;
import org.trackwell.medication.internal.DoseRecords;
import org.trackwell.medication.internal.MedicationRound;
import org.trackwell.medication.internal.MedicationSettings;
import org.trackwell.medication.internal.Medicines;
import org.trackwell.medication.internal.NewDose;
import org.trackwell.medication.internal.NotGivenReason;
import org.trackwell.medication.internal.Witness;
import org.trackwell.shared.Confirmation;
import org.trackwell.shared.FormOutcome;

/**
 * The medication pages, made for a tablet on a round: the due list first, large targets, one tap
 * to record "given" with the details filled in, and words beside every colour.
 */
@Controller
class RoundPages {

    private final MedicationRound round;
    private final DoseRecords doses;
    private final Medicines medicines;
    private final Accounts accounts;

    RoundPages(MedicationRound round, DoseRecords doses, Medicines medicines, Accounts accounts) {
        this.round = round;
        this.doses = doses;
        this.medicines = medicines;
        this.accounts = accounts;
    }

    @GetMapping("/medication/round")
    String round(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) UUID team, Model model) {
        List<Team> teams = accounts.teams().stream()
                .filter(t -> user.teams().contains(t.id()))
                .toList();
        UUID chosen =
                team != null ? team : teams.isEmpty() ? null : teams.getFirst().id();
        model.addAttribute("teams", teams);
        model.addAttribute("team", chosen);
        MedicationSettings settings = medicines.settings();
        model.addAttribute("zone", settings.zone());
        model.addAttribute("medication", settings);
        model.addAttribute("reasons", NotGivenReason.values());
        if (chosen != null) {
            MedicationRound.Round r = round.of(user, chosen);
            model.addAttribute(
                    "now",
                    r.doses().stream()
                            .filter(d -> d.status().name().equals("OVERDUE")
                                    || d.status().name().equals("DUE"))
                            .toList());
            model.addAttribute(
                    "missed",
                    r.doses().stream()
                            .filter(d -> d.status().name().equals("MISSED"))
                            .toList());
            model.addAttribute(
                    "upcoming",
                    r.doses().stream()
                            .filter(d -> d.status().name().equals("UPCOMING"))
                            .toList());
            model.addAttribute(
                    "recordedDoses",
                    r.doses().stream()
                            .filter(d -> d.status().name().equals("GIVEN")
                                    || d.status().name().equals("NOT_GIVEN"))
                            .toList());
            model.addAttribute("asNeeded", r.asNeeded());
            model.addAttribute("people", r.people());
            model.addAttribute("effects", r.effects());
        }
        return "medication/round";
    }

    /** One tap records a scheduled dose as given, with the prescribed dose and the time now. */
    @PostMapping("/medication/round/doses")
    String recordDose(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam UUID team,
            @RequestParam UUID prescription,
            @RequestParam(defaultValue = "") String dueAt,
            @RequestParam DoseRecord.Outcome outcome,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String overrideReason,
            @RequestParam(defaultValue = "") String witnessEmail,
            @RequestParam(defaultValue = "") String witnessPassword,
            @RequestParam(defaultValue = "") String witnessCode,
            @RequestParam(defaultValue = "false") boolean acknowledgeIdentifying,
            @RequestParam(defaultValue = "false") boolean personConfirmed,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @ReachedClient(value = ReachedClient.Need.MEDICATION_RECORD, field = "client") ClientRef client,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        if (!overrideReason.isBlank() && !confirmed) {
            return new Confirmation(
                            "Give a dose beyond the limit?",
                            "This dose goes beyond what the prescriber allowed for " + client.code()
                                    + " (the most in a day, or the time between doses). It is recorded as an"
                                    + " override, with your reason, on the medication record.",
                            "Give it anyway",
                            "/medication/round?team=" + team,
                            Map.of("witnessPassword", "Witness's password or code, again"))
                    .ask(request, model);
        }
        Map<String, String> typed = Map.of(
                "prescription",
                prescription.toString(),
                "dueAt",
                dueAt,
                "outcome",
                outcome.name(),
                "reason",
                reason,
                "amount",
                amount,
                "note",
                note,
                "overrideReason",
                overrideReason,
                "witnessEmail",
                witnessEmail);
        FormOutcome.flash(redirect, typed, () -> {
            doses.record(
                    user,
                    client,
                    new NewDose(
                            prescription,
                            dueAt.isBlank() ? null : Instant.parse(dueAt),
                            outcome,
                            reason.isBlank() ? null : NotGivenReason.valueOf(reason),
                            amount.isBlank() ? null : new BigDecimal(amount.strip()),
                            null,
                            note,
                            witnessEmail.isBlank() ? null : new Witness(witnessEmail, witnessPassword, witnessCode),
                            overrideReason,
                            acknowledgeIdentifying,
                            personConfirmed),
                    ClientInfo.of(request));
            return (outcome == DoseRecord.Outcome.GIVEN ? "Given" : "Not given") + " recorded for " + client.code()
                    + ".";
        });
        return "redirect:/medication/round?team=" + team;
    }

    @PostMapping("/medication/round/effects")
    String recordEffect(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam UUID team,
            @RequestParam UUID dose,
            @RequestParam String effect,
            @ReachedClient(value = ReachedClient.Need.MEDICATION_RECORD, field = "client") ClientRef client,
            RedirectAttributes redirect) {
        FormOutcome.flash(redirect, () -> {
            doses.recordEffect(user, client, dose, effect);
            return "Recorded whether it helped.";
        });
        return "redirect:/medication/round?team=" + team;
    }
}
