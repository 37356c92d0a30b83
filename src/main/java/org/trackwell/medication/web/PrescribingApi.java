package org.trackwell.medication.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ReachedClient;
import org.trackwell.identity.SignedInUser;
import org.trackwell.medication.internal.DoseSchedule;
import org.trackwell.medication.internal.NewPrescription;
import org.trackwell.medication.internal.Prescription;
import org.trackwell.medication.internal.Prescriptions;

/**
 * A client's prescriptions: practitioners and managers start, change and stop them; everyone who
 * gives medication reads them.
 */
@RestController
@RequestMapping("/api/v1")
class PrescribingApi {

    private final Prescriptions prescriptions;

    PrescribingApi(Prescriptions prescriptions) {
        this.prescriptions = prescriptions;
    }

    record StepRequest(
            @NotNull LocalDate from,
            @NotNull LocalDate to,
            @NotNull BigDecimal dose,
            @NotNull List<LocalTime> times) {}

    record ScheduleRequest(
            DoseSchedule.@NotNull Kind kind,
            @Nullable List<LocalTime> times,
            @Nullable Set<DayOfWeek> days,
            @Nullable Integer every,
            @Nullable List<StepRequest> steps) {

        DoseSchedule toSchedule() {
            return new DoseSchedule(
                    kind,
                    times == null ? List.of() : times,
                    days == null ? Set.of() : days,
                    every,
                    steps == null
                            ? List.of()
                            : steps.stream()
                                    .map(s -> new DoseSchedule.Step(s.from(), s.to(), s.dose(), s.times()))
                                    .toList());
        }
    }

    record PrnRequest(
            @NotNull @Size(max = 500) String indication,
            @NotNull BigDecimal minDose,
            @NotNull BigDecimal maxDose,
            @NotNull Integer minIntervalMinutes,
            @NotNull Integer maxDosesPerDay) {}

    record PrescriptionRequest(
            @NotNull UUID medicineId,
            @NotNull BigDecimal dose,
            @NotNull @Size(max = 50) String unit,
            @Nullable @Size(max = 100) String route,
            @Nullable @Size(max = 1000) String instructions,
            @NotNull LocalDate startsOn,
            @Nullable LocalDate endsOn,
            @NotNull @Size(max = 200) String prescriber,
            Prescription.@NotNull Kind kind,
            @Nullable @Valid ScheduleRequest schedule,
            @Nullable @Valid PrnRequest prn,
            @Nullable Boolean timeCritical,
            @Nullable Integer toleranceMinutes,
            @Nullable @Size(max = 500) String reason,
            @Nullable Boolean acknowledgeIdentifying) {

        NewPrescription toNew() {
            return new NewPrescription(
                    medicineId,
                    dose,
                    unit,
                    route,
                    instructions,
                    startsOn,
                    endsOn,
                    prescriber,
                    kind,
                    schedule == null ? null : schedule.toSchedule(),
                    prn == null
                            ? null
                            : new Prescription.Prn(
                                    prn.indication(),
                                    prn.minDose(),
                                    prn.maxDose(),
                                    prn.minIntervalMinutes(),
                                    prn.maxDosesPerDay()),
                    Boolean.TRUE.equals(timeCritical),
                    toleranceMinutes,
                    Boolean.TRUE.equals(acknowledgeIdentifying));
        }
    }

    record Reason(
            @NotNull @Size(max = 500) String reason,
            @Nullable Boolean acknowledgeIdentifying) {}

    @GetMapping("/clients/{code}/prescriptions")
    List<PrescriptionView> prescriptions(
            @ReachedClient(value = ReachedClient.Need.MEDICATION_RECORD, viewed = AuditAction.PRESCRIPTIONS_VIEWED)
                    ClientRef client) {
        return prescriptions.of(client).stream().map(PrescriptionView::of).toList();
    }

    @PostMapping("/clients/{code}/prescriptions")
    @ResponseStatus(HttpStatus.CREATED)
    PrescriptionView prescribe(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @RequestBody PrescriptionRequest body,
            @ReachedClient ClientRef client) {
        return PrescriptionView.of(prescriptions.prescribe(user, client, body.toNew()));
    }

    @PostMapping("/clients/{code}/prescriptions/{id}/change")
    @ResponseStatus(HttpStatus.CREATED)
    PrescriptionView change(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody PrescriptionRequest body,
            @ReachedClient ClientRef client) {
        return PrescriptionView.of(
                prescriptions.change(user, client, id, body.toNew(), body.reason() == null ? "" : body.reason()));
    }

    @PostMapping("/clients/{code}/prescriptions/{id}/stop")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void stop(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody Reason body,
            @ReachedClient ClientRef client) {
        prescriptions.stop(user, client, id, body.reason(), Boolean.TRUE.equals(body.acknowledgeIdentifying()));
    }
}
