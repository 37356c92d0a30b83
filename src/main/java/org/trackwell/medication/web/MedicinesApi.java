package org.trackwell.medication.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.medication.internal.MedicationSettings;
import org.trackwell.medication.internal.Medicines;
import org.trackwell.medication.internal.RoundIdentification;
import org.trackwell.medication.internal.WitnessedDoses;

/** The service's medicines and its medication settings. */
@RestController
@RequestMapping("/api/v1")
class MedicinesApi {

    private final Medicines medicines;

    MedicinesApi(Medicines medicines) {
        this.medicines = medicines;
    }

    record MedicineRequest(
            @NotNull @Size(max = 200) String name,
            @NotNull @Size(max = 100) String form,
            @NotNull @Size(max = 100) String strength,
            @NotNull @Size(max = 100) String route,
            @Nullable Boolean controlled,
            @Nullable Integer cdSchedule,
            @Nullable @Size(max = 2000) String notes) {}

    record MedicationSettingsRequest(
            @NotNull String timeZone,
            @NotNull Integer toleranceMinutes,
            @NotNull Integer prnEffectMinutes,
            @NotNull Integer lowStockDays,
            @NotNull Integer expiryWarningDays,
            @Nullable Set<RoundIdentification> roundIdentification,
            @Nullable WitnessedDoses witnessedDoses,
            @Nullable Integer stockCountDays) {}

    record SettingsView(
            String timeZone,
            int toleranceMinutes,
            int prnEffectMinutes,
            int lowStockDays,
            int expiryWarningDays,
            List<RoundIdentification> roundIdentification,
            WitnessedDoses witnessedDoses,
            int stockCountDays) {

        static SettingsView of(MedicationSettings s) {
            return new SettingsView(
                    s.zone().getId(),
                    s.toleranceMinutes(),
                    s.prnEffectMinutes(),
                    s.lowStockDays(),
                    s.expiryWarningDays(),
                    s.roundIdentification().stream().sorted().toList(),
                    s.witnessedDoses(),
                    s.stockCountDays());
        }
    }

    @GetMapping("/medicines")
    List<MedicineView> medicines() {
        return medicines.list().stream().map(MedicineView::of).toList();
    }

    @PostMapping("/medicines")
    @ResponseStatus(HttpStatus.CREATED)
    MedicineView addMedicine(@Valid @RequestBody MedicineRequest body) {
        return MedicineView.of(medicines.add(
                body.name(),
                body.form(),
                body.strength(),
                body.route(),
                Boolean.TRUE.equals(body.controlled()),
                body.cdSchedule(),
                body.notes()));
    }

    @GetMapping("/medication-settings")
    SettingsView settings() {
        return SettingsView.of(medicines.settings());
    }

    @PutMapping("/medication-settings")
    SettingsView changeSettings(@Valid @RequestBody MedicationSettingsRequest body) {
        return SettingsView.of(medicines.changeSettings(
                body.timeZone(),
                body.toleranceMinutes(),
                body.prnEffectMinutes(),
                body.lowStockDays(),
                body.expiryWarningDays(),
                body.roundIdentification(),
                body.witnessedDoses(),
                body.stockCountDays()));
    }
}
