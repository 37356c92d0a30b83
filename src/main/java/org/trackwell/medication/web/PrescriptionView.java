package org.trackwell.medication.web;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.medication.internal.DoseSchedule;
import org.trackwell.medication.internal.Prescription;

/** A prescription as the API shows it: the medicine, the dose and when it is due, or its as-needed limits. */
record PrescriptionView(
        UUID id,
        UUID clientId,
        MedicineView medicine,
        BigDecimal dose,
        String unit,
        String route,
        @Nullable String instructions,
        LocalDate startsOn,
        @Nullable LocalDate endsOn,
        String prescriber,
        Prescription.Kind kind,
        @Nullable ScheduleView schedule,
        @Nullable AsNeededLimitsView prn,
        boolean timeCritical,
        @Nullable Integer toleranceMinutes,
        @Nullable UUID replaces,
        Instant writtenAt,
        @Nullable Instant stoppedAt,
        @Nullable String stopReason) {

    /** When a regular dose is due. */
    record ScheduleView(
            DoseSchedule.Kind kind,
            List<LocalTime> times,
            Set<DayOfWeek> days,
            @Nullable Integer every,
            List<StepView> steps) {

        static @Nullable ScheduleView of(@Nullable DoseSchedule schedule) {
            return schedule == null
                    ? null
                    : new ScheduleView(
                            schedule.kind(),
                            schedule.times(),
                            schedule.days(),
                            schedule.every(),
                            schedule.steps().stream()
                                    .map(step -> new StepView(step.from(), step.to(), step.dose(), step.times()))
                                    .toList());
        }
    }

    /** One step of a reducing or increasing dose. */
    record StepView(LocalDate from, LocalDate to, BigDecimal dose, List<LocalTime> times) {}

    /** The limits of an as-needed (PRN) prescription. */
    record AsNeededLimitsView(
            String indication, BigDecimal minDose, BigDecimal maxDose, int minIntervalMinutes, int maxDosesPerDay) {

        static @Nullable AsNeededLimitsView of(Prescription.@Nullable Prn prn) {
            return prn == null
                    ? null
                    : new AsNeededLimitsView(
                            prn.indication(),
                            prn.minDose(),
                            prn.maxDose(),
                            prn.minIntervalMinutes(),
                            prn.maxDosesPerDay());
        }
    }

    static PrescriptionView of(Prescription prescription) {
        return new PrescriptionView(
                prescription.id(),
                prescription.clientId(),
                MedicineView.of(prescription.medicine()),
                prescription.dose(),
                prescription.unit(),
                prescription.route(),
                prescription.instructions(),
                prescription.startsOn(),
                prescription.endsOn(),
                prescription.prescriber(),
                prescription.kind(),
                ScheduleView.of(prescription.schedule()),
                AsNeededLimitsView.of(prescription.prn()),
                prescription.timeCritical(),
                prescription.toleranceMinutes(),
                prescription.replaces(),
                prescription.writtenAt(),
                prescription.stoppedAt(),
                prescription.stopReason());
    }
}
