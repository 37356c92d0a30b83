package org.trackwell.medication.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ReachedClient;
import org.trackwell.identity.ClientInfo;
import org.trackwell.identity.SignedInUser;
import org.trackwell.medication.internal.DoseRecord;
import org.trackwell.medication.internal.DoseRecords;
import org.trackwell.medication.internal.DoseSchedule;
import org.trackwell.medication.internal.MarChart;
import org.trackwell.medication.internal.MarCharts;
import org.trackwell.medication.internal.MedicationAlert;
import org.trackwell.medication.internal.MedicationAlerts;
import org.trackwell.medication.internal.MedicationRefused;
import org.trackwell.medication.internal.MedicationRound;
import org.trackwell.medication.internal.MedicationSettings;
import org.trackwell.medication.internal.Medicine;
import org.trackwell.medication.internal.Medicines;
import org.trackwell.medication.internal.NewDose;
import org.trackwell.medication.internal.NewPrescription;
import org.trackwell.medication.internal.NotGivenReason;
import org.trackwell.medication.internal.Prescription;
import org.trackwell.medication.internal.Prescriptions;
import org.trackwell.medication.internal.RoundIdentification;
import org.trackwell.medication.internal.RoundPerson;
import org.trackwell.medication.internal.Stock;
import org.trackwell.medication.internal.StockMovement;
import org.trackwell.medication.internal.Witness;

@RestController
@RequestMapping("/api/v1")
class MedicationApi {

    private final Medicines medicines;
    private final Prescriptions prescriptions;
    private final DoseRecords doses;
    private final MedicationRound round;
    private final Stock stock;
    private final MedicationAlerts alerts;
    private final MarCharts charts;

    MedicationApi(
            Medicines medicines,
            Prescriptions prescriptions,
            DoseRecords doses,
            MedicationRound round,
            Stock stock,
            MedicationAlerts alerts,
            MarCharts charts) {
        this.medicines = medicines;
        this.prescriptions = prescriptions;
        this.doses = doses;
        this.round = round;
        this.stock = stock;
        this.alerts = alerts;
        this.charts = charts;
    }

    record MedicineRequest(
            @NotNull @Size(max = 200) String name,
            @NotNull @Size(max = 100) String form,
            @NotNull @Size(max = 100) String strength,
            @NotNull @Size(max = 100) String route,
            @Nullable Boolean controlled,
            @Nullable Integer cdSchedule,
            @Nullable @Size(max = 2000) String notes) {}

    record SettingsRequest(
            @NotNull String timeZone,
            @NotNull Integer toleranceMinutes,
            @NotNull Integer prnEffectMinutes,
            @NotNull Integer lowStockDays,
            @NotNull Integer expiryWarningDays,
            @Nullable Set<RoundIdentification> roundIdentification) {}

    record SettingsView(
            String timeZone,
            int toleranceMinutes,
            int prnEffectMinutes,
            int lowStockDays,
            int expiryWarningDays,
            List<RoundIdentification> roundIdentification) {

        static SettingsView of(MedicationSettings s) {
            return new SettingsView(
                    s.zone().getId(),
                    s.toleranceMinutes(),
                    s.prnEffectMinutes(),
                    s.lowStockDays(),
                    s.expiryWarningDays(),
                    s.roundIdentification().stream().sorted().toList());
        }
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

    record WitnessRequest(
            @NotNull @Size(max = 320) String email,
            @Nullable String password,
            @Nullable String code) {

        Witness toWitness() {
            return new Witness(email, password, code);
        }
    }

    record DoseRequest(
            @Nullable UUID prescriptionId,
            @Nullable Instant dueAt,
            DoseRecord.@NotNull Outcome outcome,
            @Nullable NotGivenReason reason,
            @Nullable BigDecimal amount,
            @Nullable Instant givenAt,
            @Nullable @Size(max = 2000) String note,
            @Nullable @Valid WitnessRequest witness,
            @Nullable @Size(max = 500) String overrideReason,
            @Nullable @Size(max = 500) String correctionReason,
            @Nullable Boolean acknowledgeIdentifying,
            @Nullable Boolean personConfirmed) {

        NewDose toNew(@Nullable UUID prescription) {
            return new NewDose(
                    prescription,
                    dueAt,
                    outcome,
                    reason,
                    amount,
                    givenAt,
                    note,
                    witness == null ? null : witness.toWitness(),
                    overrideReason,
                    Boolean.TRUE.equals(acknowledgeIdentifying),
                    Boolean.TRUE.equals(personConfirmed));
        }
    }

    record DoseView(
            UUID id,
            UUID prescriptionId,
            @Nullable Instant dueAt,
            DoseRecord.Outcome outcome,
            @Nullable NotGivenReason reason,
            @Nullable BigDecimal amount,
            Instant givenAt,
            @Nullable String note,
            UUID recordedBy,
            @Nullable UUID witnessId,
            @Nullable String overrideReason,
            @Nullable UUID corrects,
            @Nullable String correctionReason,
            Instant recordedAt) {

        static DoseView of(DoseRecord r) {
            return new DoseView(
                    r.id(),
                    r.prescriptionId(),
                    r.dueAt(),
                    r.outcome(),
                    r.reason(),
                    r.amount(),
                    r.givenAt(),
                    r.note(),
                    r.recordedBy().value(),
                    r.witness() == null ? null : r.witness().value(),
                    r.overrideReason(),
                    r.corrects(),
                    r.correctionReason(),
                    r.recordedAt());
        }
    }

    record Effect(@NotNull String effect) {}

    /**
     * The round as JSON: each prescription once, and each dose as its prescription, time, amount
     * and state, which keeps a unit's round small enough to send on every tap.
     */
    record RoundView(
            Instant at,
            Map<UUID, RoundPrescriptionView> prescriptions,
            List<RoundDoseView> doses,
            List<AsNeededView> asNeeded,
            List<EffectView> effects,
            Map<String, PersonView> people) {}

    /**
     * A client on the round as the service has chosen to show them: what the carer checks, and the
     * words they confirm. {@code photo} is where the photo is, when it is shown and on file.
     */
    record PersonView(
            @Nullable String preferredName,
            @Nullable String room,
            @Nullable String photo,
            String confirmation) {

        static PersonView of(RoundPerson person) {
            return new PersonView(
                    person.preferredName(),
                    person.room(),
                    person.photo() ? "/api/v1/clients/" + person.code() + "/photo" : null,
                    person.confirmation());
        }
    }

    record RoundPrescriptionView(
            String client,
            String medicine,
            String unit,
            String route,
            @Nullable String instructions,
            boolean controlled,
            boolean timeCritical,
            int toleranceMinutes) {}

    record RoundDoseView(
            UUID prescriptionId,
            Instant dueAt,
            BigDecimal dose,
            String status,
            @Nullable UUID recordId) {}

    record AsNeededView(
            String client,
            UUID prescriptionId,
            String medicine,
            String indication,
            @Nullable Instant lastGiven,
            long givenInLastDay,
            @Nullable Instant nextAllowedAt) {}

    record EffectView(String client, UUID doseId, String medicine, Instant givenAt) {}

    record ReceiptRequest(
            @NotNull UUID medicineId,
            @NotNull BigDecimal quantity,
            @Nullable @Size(max = 100) String batch,
            @Nullable LocalDate expiresOn,
            @Nullable @Valid WitnessRequest witness) {}

    record RemovalRequest(
            @NotNull UUID medicineId,
            StockMovement.@NotNull Kind kind,
            @NotNull BigDecimal quantity,
            @NotNull @Size(max = 500) String reason,
            @Nullable @Valid WitnessRequest witness,
            @Nullable Boolean acknowledgeIdentifying) {}

    record CountRequest(
            @NotNull UUID medicineId,
            @NotNull BigDecimal counted,
            @Nullable @Valid WitnessRequest witness) {}

    record RegisterView(
            Instant at,
            StockMovement.Kind kind,
            BigDecimal quantity,
            @Nullable BigDecimal counted,
            @Nullable String batch,
            @Nullable LocalDate expiresOn,
            @Nullable String reason,
            UUID recordedBy,
            @Nullable UUID witnessId,
            BigDecimal balance) {}

    record AlertView(UUID id, String client, MedicationAlert.Kind kind, String message, Instant raisedAt) {}

    @GetMapping("/medicines")
    List<Medicine> medicines() {
        return medicines.list();
    }

    @PostMapping("/medicines")
    @ResponseStatus(HttpStatus.CREATED)
    Medicine addMedicine(@Valid @RequestBody MedicineRequest body) {
        return medicines.add(
                body.name(),
                body.form(),
                body.strength(),
                body.route(),
                Boolean.TRUE.equals(body.controlled()),
                body.cdSchedule(),
                body.notes());
    }

    @GetMapping("/medication-settings")
    SettingsView settings() {
        return SettingsView.of(medicines.settings());
    }

    @PutMapping("/medication-settings")
    SettingsView changeSettings(@Valid @RequestBody SettingsRequest body) {
        return SettingsView.of(medicines.changeSettings(
                body.timeZone(),
                body.toleranceMinutes(),
                body.prnEffectMinutes(),
                body.lowStockDays(),
                body.expiryWarningDays(),
                body.roundIdentification()));
    }

    @GetMapping("/clients/{code}/prescriptions")
    List<Prescription> prescriptions(
            @ReachedClient(value = ReachedClient.Need.MEDICATION_RECORD, viewed = AuditAction.PRESCRIPTIONS_VIEWED)
                    ClientRef client) {
        return prescriptions.of(client);
    }

    @PostMapping("/clients/{code}/prescriptions")
    @ResponseStatus(HttpStatus.CREATED)
    Prescription prescribe(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @RequestBody PrescriptionRequest body,
            @ReachedClient ClientRef client) {
        return prescriptions.prescribe(user, client, body.toNew());
    }

    @PostMapping("/clients/{code}/prescriptions/{id}/change")
    @ResponseStatus(HttpStatus.CREATED)
    Prescription change(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody PrescriptionRequest body,
            @ReachedClient ClientRef client) {
        return prescriptions.change(user, client, id, body.toNew(), body.reason() == null ? "" : body.reason());
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

    @PostMapping("/clients/{code}/doses")
    @ResponseStatus(HttpStatus.CREATED)
    DoseView record(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @RequestBody DoseRequest body,
            @ReachedClient(ReachedClient.Need.MEDICATION_RECORD) ClientRef client,
            HttpServletRequest request) {
        if (body.prescriptionId() == null) {
            throw MedicationRefused.invalid("Say which prescription the dose is for.");
        }
        return DoseView.of(doses.record(user, client, body.toNew(body.prescriptionId()), ClientInfo.of(request)));
    }

    @PostMapping("/clients/{code}/doses/{id}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    DoseView correct(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody DoseRequest body,
            @ReachedClient(ReachedClient.Need.MEDICATION_RECORD) ClientRef client,
            HttpServletRequest request) {
        return DoseView.of(doses.correct(
                user,
                client,
                id,
                body.toNew(null),
                body.correctionReason() == null ? "" : body.correctionReason(),
                ClientInfo.of(request)));
    }

    @PostMapping("/clients/{code}/doses/{id}/effect")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void effect(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody Effect body,
            @ReachedClient(ReachedClient.Need.MEDICATION_RECORD) ClientRef client) {
        doses.recordEffect(user, client, id, body.effect());
    }

    @GetMapping("/clients/{code}/doses")
    List<DoseView> history(
            @RequestParam Instant from,
            @RequestParam Instant to,
            @ReachedClient(value = ReachedClient.Need.MEDICATION_RECORD, viewed = AuditAction.MAR_VIEWED)
                    ClientRef client) {
        return doses.history(client, from, to).stream().map(DoseView::of).toList();
    }

    @GetMapping("/clients/{code}/mar")
    MarChart mar(
            @RequestParam YearMonth month,
            @ReachedClient(value = ReachedClient.Need.MEDICATION_RECORD, viewed = AuditAction.MAR_VIEWED)
                    ClientRef client) {
        return charts.month(client, month);
    }

    @GetMapping("/medication/round")
    RoundView round(@AuthenticationPrincipal SignedInUser user, @RequestParam UUID team) {
        MedicationRound.Round r = round.of(user, team);
        Map<UUID, RoundPrescriptionView> prescriptions = new java.util.LinkedHashMap<>();
        r.doses()
                .forEach(d -> prescriptions.computeIfAbsent(
                        d.prescription().id(),
                        id -> new RoundPrescriptionView(
                                d.client().toString(),
                                d.prescription().medicine().label(),
                                d.prescription().unit(),
                                d.prescription().route(),
                                d.prescription().instructions(),
                                d.prescription().medicine().controlled(),
                                d.prescription().timeCritical(),
                                (int) java.time.Duration.between(d.dueAt(), d.windowEnd())
                                        .toMinutes())));
        return new RoundView(
                r.at(),
                prescriptions,
                r.doses().stream()
                        .map(d -> new RoundDoseView(
                                d.prescription().id(),
                                d.dueAt(),
                                d.dose(),
                                d.status().name(),
                                d.record() == null ? null : d.record().id()))
                        .toList(),
                r.asNeeded().stream()
                        .map(a -> new AsNeededView(
                                a.client().toString(),
                                a.prescription().id(),
                                a.prescription().medicine().label(),
                                a.prescription().limits().indication(),
                                a.lastGiven(),
                                a.givenInLastDay(),
                                a.nextAllowedAt()))
                        .toList(),
                r.effects().stream()
                        .map(e -> new EffectView(
                                e.client().toString(),
                                e.doseId(),
                                e.prescription().medicine().label(),
                                e.givenAt()))
                        .toList(),
                people(r));
    }

    private static Map<String, PersonView> people(MedicationRound.Round r) {
        Map<String, PersonView> people = new java.util.TreeMap<>();
        r.people().forEach((code, person) -> people.put(code.toString(), PersonView.of(person)));
        return people;
    }

    @GetMapping("/clients/{code}/stock")
    List<Stock.StockLine> stock(
            @ReachedClient(value = ReachedClient.Need.MEDICATION_RECORD, viewed = AuditAction.STOCK_VIEWED)
                    ClientRef client) {
        return stock.of(client);
    }

    @PostMapping("/clients/{code}/stock/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    StockMovement receive(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @RequestBody ReceiptRequest body,
            @ReachedClient(ReachedClient.Need.MEDICATION_RECORD) ClientRef client,
            HttpServletRequest request) {
        return stock.receive(
                user,
                client,
                body.medicineId(),
                body.quantity(),
                body.batch(),
                body.expiresOn(),
                body.witness() == null ? null : body.witness().toWitness(),
                ClientInfo.of(request));
    }

    @PostMapping("/clients/{code}/stock/removals")
    @ResponseStatus(HttpStatus.CREATED)
    StockMovement remove(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @RequestBody RemovalRequest body,
            @ReachedClient(ReachedClient.Need.MEDICATION_RECORD) ClientRef client,
            HttpServletRequest request) {
        return stock.remove(
                user,
                client,
                body.medicineId(),
                body.kind(),
                body.quantity(),
                body.reason(),
                body.witness() == null ? null : body.witness().toWitness(),
                ClientInfo.of(request),
                Boolean.TRUE.equals(body.acknowledgeIdentifying()));
    }

    @PostMapping("/clients/{code}/stock/counts")
    @ResponseStatus(HttpStatus.CREATED)
    Stock.CountResult count(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @RequestBody CountRequest body,
            @ReachedClient(ReachedClient.Need.MEDICATION_RECORD) ClientRef client,
            HttpServletRequest request) {
        return stock.count(
                user,
                client,
                body.medicineId(),
                body.counted(),
                body.witness() == null ? null : body.witness().toWitness(),
                ClientInfo.of(request));
    }

    @GetMapping("/clients/{code}/stock/{medicine}/register")
    List<RegisterView> register(
            @PathVariable UUID medicine,
            @ReachedClient(value = ReachedClient.Need.MEDICATION_RECORD, viewed = AuditAction.STOCK_REGISTER_VIEWED)
                    ClientRef client) {
        return stock.register(client, medicine).stream()
                .map(line -> {
                    StockMovement m = line.movement();
                    return new RegisterView(
                            m.recordedAt(),
                            m.kind(),
                            m.quantity(),
                            m.counted(),
                            m.batch(),
                            m.expiresOn(),
                            m.reason(),
                            m.recordedBy().value(),
                            m.witness() == null ? null : m.witness().value(),
                            line.balance());
                })
                .toList();
    }

    @GetMapping("/medication/alerts")
    List<AlertView> alerts(@AuthenticationPrincipal SignedInUser user) {
        return alerts.open(user).stream()
                .map(a -> new AlertView(a.id(), a.client().toString(), a.kind(), a.message(), a.raisedAt()))
                .toList();
    }

    @PostMapping("/medication/alerts/{id}/acknowledge")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void acknowledge(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        alerts.acknowledge(user, id);
    }

    @GetMapping("/medication/adherence")
    MarCharts.TeamAdherence adherence(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam UUID team,
            @RequestParam LocalDate from,
            @RequestParam LocalDate to) {
        return charts.team(user, team, from, to);
    }
}
