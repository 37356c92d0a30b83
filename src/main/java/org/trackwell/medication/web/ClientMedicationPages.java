package org.trackwell.medication.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import org.trackwell.identity.ClientInfo;
import org.trackwell.identity.SignedInUser;
import org.trackwell.medication.internal.DoseSchedule;
import org.trackwell.medication.internal.Medicines;
import org.trackwell.medication.internal.NewPrescription;
import org.trackwell.medication.internal.Prescription;
import org.trackwell.medication.internal.Prescriptions;
import org.trackwell.medication.internal.Stock;
import org.trackwell.medication.internal.StockLevels;
import org.trackwell.medication.internal.StockMovement;
import org.trackwell.medication.internal.Witness;
import org.trackwell.shared.Confirmation;
import org.trackwell.shared.FormOutcome;

/** A client's medication page: their prescriptions and stock, and the forms that change them. */
@Controller
class ClientMedicationPages {

    private final Prescriptions prescriptions;
    private final Medicines medicines;
    private final Stock stock;
    private final StockLevels levels;
    private final Clock clock;

    ClientMedicationPages(
            Prescriptions prescriptions, Medicines medicines, Stock stock, StockLevels levels, Clock clock) {
        this.prescriptions = prescriptions;
        this.medicines = medicines;
        this.stock = stock;
        this.levels = levels;
        this.clock = clock;
    }

    @GetMapping("/clients/{code}/medication")
    String client(
            @AuthenticationPrincipal SignedInUser user,
            @ReachedClient(value = ReachedClient.Need.MEDICATION_RECORD, viewed = AuditAction.MEDICATION_VIEWED)
                    ClientRef client,
            Model model) {
        model.addAttribute("code", client.code().toString());
        model.addAttribute("prescriptions", prescriptions.of(client));
        model.addAttribute("stock", levels.of(client));
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
        FormOutcome.flash(redirect, MedicationForms.typed(form), () -> {
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
            @RequestParam(defaultValue = "false") boolean confirmed,
            @ReachedClient ClientRef client,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        if (!confirmed) {
            return new Confirmation(
                            "Stop this prescription?",
                            "Stopping it takes it off the medication round from now on: no more doses of it are due."
                                    + " A stopped prescription cannot be started again; to give it again, prescribe it"
                                    + " anew.",
                            "Stop the prescription",
                            "/clients/" + client.code() + "/medication")
                    .ask(request, model);
        }
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
            UUID chosen = MedicationForms.chosenMedicine(medicine);
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
                MedicationForms.chosenMedicine(form.getOrDefault("medicineId", "")),
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
