package org.trackwell.medication.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ReachedClient;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.ClientInfo;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.Team;
import org.trackwell.medication.internal.DoseRecord;
import org.trackwell.medication.internal.DoseRecords;
import org.trackwell.medication.internal.DoseSchedule;
import org.trackwell.medication.internal.MarCharts;
import org.trackwell.medication.internal.MarPrintout;
import org.trackwell.medication.internal.MarPrintouts;
import org.trackwell.medication.internal.MedicationAlerts;
import org.trackwell.medication.internal.MedicationRefused;
import org.trackwell.medication.internal.MedicationRound;
import org.trackwell.medication.internal.Medicines;
import org.trackwell.medication.internal.NewDose;
import org.trackwell.medication.internal.NewPrescription;
import org.trackwell.medication.internal.NotGivenReason;
import org.trackwell.medication.internal.Prescription;
import org.trackwell.medication.internal.Prescriptions;
import org.trackwell.medication.internal.Stock;
import org.trackwell.medication.internal.StockMovement;
import org.trackwell.medication.internal.Witness;
import org.trackwell.shared.FormOutcome;

/**
 * The medication pages, made for a tablet on a round: the due list first, large targets, one tap
 * to record "given" with the details filled in, and words beside every colour.
 */
@Controller
class MedicationPages {

    private final MedicationRound round;
    private final DoseRecords doses;
    private final Prescriptions prescriptions;
    private final Medicines medicines;
    private final Stock stock;
    private final MarCharts charts;
    private final MarPrintouts printouts;
    private final MedicationAlerts alerts;
    private final Accounts accounts;
    private final Clock clock;

    MedicationPages(
            MedicationRound round,
            DoseRecords doses,
            Prescriptions prescriptions,
            Medicines medicines,
            Stock stock,
            MarCharts charts,
            MarPrintouts printouts,
            MedicationAlerts alerts,
            Accounts accounts,
            Clock clock) {
        this.round = round;
        this.doses = doses;
        this.prescriptions = prescriptions;
        this.medicines = medicines;
        this.stock = stock;
        this.charts = charts;
        this.printouts = printouts;
        this.alerts = alerts;
        this.accounts = accounts;
        this.clock = clock;
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
        model.addAttribute("zone", medicines.settings().zone());
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
            @ReachedClient(value = ReachedClient.Need.MEDICATION_RECORD, field = "client") ClientRef client,
            HttpServletRequest request,
            RedirectAttributes redirect) {
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

    @GetMapping("/clients/{code}/medication")
    String client(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient(value = ReachedClient.Need.MEDICATION_RECORD, viewed = AuditAction.MEDICATION_VIEWED)
                    ClientRef client,
            Model model) {
        model.addAttribute("code", client.code().toString());
        model.addAttribute("prescriptions", prescriptions.of(client));
        model.addAttribute("stock", stock.of(client));
        model.addAttribute("medicines", medicines.list());
        model.addAttribute(
                "month", YearMonth.now(clock.withZone(medicines.settings().zone())));
        model.addAttribute(
                "today", LocalDate.now(clock.withZone(medicines.settings().zone())));
        model.addAttribute(
                "clinical",
                user.has(org.trackwell.identity.Role.PRACTITIONER) || user.has(org.trackwell.identity.Role.MANAGER));
        return "medication/client";
    }

    @PostMapping("/clients/{code}/medication/prescriptions")
    String prescribe(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam Map<String, String> form,
            @ReachedClient ClientRef client,
            RedirectAttributes redirect) {
        FormOutcome.flash(redirect, typed(form), () -> {
            prescriptions.prescribe(user, client, prescription(form));
            return "Prescription added.";
        });
        return "redirect:/clients/" + client.code() + "/medication";
    }

    @PostMapping("/clients/{code}/medication/prescriptions/{id}/stop")
    String stop(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean acknowledgeIdentifying,
            @ReachedClient ClientRef client,
            RedirectAttributes redirect) {
        FormOutcome.flash(redirect, Map.of("stop", id.toString(), "reason", reason), () -> {
            prescriptions.stop(user, client, id, reason, acknowledgeIdentifying);
            return "Prescription stopped.";
        });
        return "redirect:/clients/" + client.code() + "/medication";
    }

    @PostMapping("/clients/{code}/medication/stock")
    String stockMovement(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String medicine,
            @RequestParam(defaultValue = "RECEIPT") String action,
            @RequestParam(defaultValue = "") String quantity,
            @RequestParam(defaultValue = "") String batch,
            @RequestParam(defaultValue = "") String expiresOn,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String witnessEmail,
            @RequestParam(defaultValue = "") String witnessPassword,
            @RequestParam(defaultValue = "") String witnessCode,
            @RequestParam(defaultValue = "false") boolean acknowledgeIdentifying,
            @ReachedClient(ReachedClient.Need.MEDICATION_RECORD) ClientRef client,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        Witness witness = witnessEmail.isBlank() ? null : new Witness(witnessEmail, witnessPassword, witnessCode);
        ClientInfo info = ClientInfo.of(request);
        Map<String, String> typed = Map.of(
                "medicine", medicine,
                "action", action,
                "quantity", quantity,
                "batch", batch,
                "expiresOn", expiresOn,
                "reason", reason,
                "witnessEmail", witnessEmail);
        FormOutcome.flash(redirect, typed, () -> {
            UUID chosen = chosenMedicine(medicine);
            BigDecimal amount = new BigDecimal(quantity.strip());
            return switch (action) {
                case "RECEIPT" -> {
                    stock.receive(
                            user,
                            client,
                            chosen,
                            amount,
                            batch,
                            expiresOn.isBlank() ? null : LocalDate.parse(expiresOn),
                            witness,
                            info);
                    yield "Receipt recorded.";
                }
                case "COUNT" -> {
                    Stock.CountResult counted = stock.count(user, client, chosen, amount, witness, info);
                    yield counted.matches()
                            ? "The count matches the record."
                            : "The count (" + counted.counted().toPlainString() + ") differs from the record ("
                                    + counted.expected().toPlainString() + "); the managers have been alerted.";
                }
                default -> {
                    stock.remove(
                            user,
                            client,
                            chosen,
                            StockMovement.Kind.valueOf(action),
                            amount,
                            reason,
                            witness,
                            info,
                            acknowledgeIdentifying);
                    yield "Recorded.";
                }
            };
        });
        return "redirect:/clients/" + client.code() + "/medication";
    }

    @GetMapping("/clients/{code}/medication/mar")
    String mar(
            @RequestParam(required = false) YearMonth month,
            @ReachedClient(value = ReachedClient.Need.MEDICATION_RECORD, viewed = AuditAction.MAR_VIEWED)
                    ClientRef client,
            Model model) {
        YearMonth chosen = month != null
                ? month
                : YearMonth.now(clock.withZone(medicines.settings().zone()));
        model.addAttribute("code", client.code().toString());
        model.addAttribute("chart", charts.month(client, chosen));
        model.addAttribute("reasons", NotGivenReason.values());
        return "medication/mar";
    }

    @GetMapping("/clients/{code}/medication/mar.pdf")
    ResponseEntity<byte[]> marPdf(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam YearMonth month,
            @ReachedClient(value = ReachedClient.Need.MEDICATION_RECORD, viewed = AuditAction.MAR_PRINTED)
                    ClientRef client) {
        MarPrintout printout = printouts.month(user, client, month);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"mar-" + printout.client() + "-" + month + ".pdf\"")
                .body(MarPdf.render(printout));
    }

    @GetMapping("/medication/medicines")
    String medicinesPage(Model model) {
        model.addAttribute("medicines", medicines.list());
        return "medication/medicines";
    }

    @PostMapping("/medication/medicines")
    String addMedicine(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FormOutcome.flash(redirect, typed(form), () -> {
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

    @GetMapping("/medication/alerts")
    String alertsPage(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("alerts", alerts.open(user));
        return "medication/alerts";
    }

    @PostMapping("/medication/alerts/{id}/acknowledge")
    String acknowledge(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        FormOutcome.flash(redirect, () -> {
            alerts.acknowledge(user, id);
            return "Alert marked as dealt with.";
        });
        return "redirect:/medication/alerts";
    }

    /** What a form gives back to show again on an error: its fields, without the CSRF token. */
    private static Map<String, String> typed(Map<String, String> form) {
        Map<String, String> typed = new HashMap<>(form);
        typed.keySet().removeIf(field -> field.startsWith("_"));
        return typed;
    }

    /** The medicine chosen in a form, which starts with none chosen so that nobody takes the first by mistake. */
    private static UUID chosenMedicine(String medicine) {
        if (medicine.isBlank()) {
            throw MedicationRefused.invalid("Choose one of the service's medicines.");
        }
        return UUID.fromString(medicine);
    }

    /** The add-prescription form: times as "08:00, 20:00", days as "MON,THU", PRN limits for as-needed. */
    private static NewPrescription prescription(Map<String, String> form) {
        Prescription.Kind kind = Prescription.Kind.valueOf(form.getOrDefault("kind", "REGULAR"));
        DoseSchedule schedule = null;
        Prescription.Prn prn = null;
        if (kind == Prescription.Kind.REGULAR) {
            List<LocalTime> times = new ArrayList<>();
            for (String time : form.getOrDefault("times", "").split("[,\\s]+")) {
                if (!time.isBlank()) {
                    times.add(LocalTime.parse(time.strip()));
                }
            }
            Set<DayOfWeek> days = new java.util.HashSet<>();
            for (String day : form.getOrDefault("days", "").split("[,\\s]+")) {
                if (!day.isBlank()) {
                    days.add(java.util.Arrays.stream(DayOfWeek.values())
                            .filter(d -> d.name().startsWith(day.strip().toUpperCase(java.util.Locale.ROOT)))
                            .findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("day")));
                }
            }
            String every = form.getOrDefault("every", "");
            DoseSchedule.Kind scheduleKind =
                    DoseSchedule.Kind.valueOf(form.getOrDefault("scheduleKind", "TIMES_OF_DAY"));
            schedule = new DoseSchedule(
                    scheduleKind, times, days, every.isBlank() ? null : Integer.valueOf(every), List.of());
        } else {
            prn = new Prescription.Prn(
                    form.getOrDefault("indication", ""),
                    new BigDecimal(form.getOrDefault("minDose", "0")),
                    new BigDecimal(form.getOrDefault("maxDose", "0")),
                    Integer.parseInt(form.getOrDefault("minIntervalMinutes", "0")),
                    Integer.parseInt(form.getOrDefault("maxDosesPerDay", "0")));
        }
        String tolerance = form.getOrDefault("toleranceMinutes", "");
        String ends = form.getOrDefault("endsOn", "");
        return new NewPrescription(
                chosenMedicine(form.getOrDefault("medicineId", "")),
                new BigDecimal(form.getOrDefault("dose", "0").strip()),
                form.getOrDefault("unit", ""),
                form.get("route"),
                form.get("instructions"),
                LocalDate.parse(form.getOrDefault("startsOn", "")),
                ends.isBlank() ? null : LocalDate.parse(ends),
                form.getOrDefault("prescriber", ""),
                kind,
                schedule,
                prn,
                "true".equals(form.get("timeCritical")),
                tolerance.isBlank() ? null : Integer.valueOf(tolerance),
                "true".equals(form.get("acknowledgeIdentifying")));
    }
}
