package org.trackwell.medication.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
import org.trackwell.medication.internal.MedicationRefused;
import org.trackwell.medication.internal.NewDose;
import org.trackwell.medication.internal.NotGivenReason;

/**
 * Doses given or not given, their corrections, whether an as-needed dose helped, and the record of
 * them.
 */
@RestController
@RequestMapping("/api/v1")
class DosesApi {

    private final DoseRecords doses;

    DosesApi(DoseRecords doses) {
        this.doses = doses;
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
}
