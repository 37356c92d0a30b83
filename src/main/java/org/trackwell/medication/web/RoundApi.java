package org.trackwell.medication.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.identity.SignedInUser;
import org.trackwell.medication.internal.MedicationRound;
import org.trackwell.medication.internal.RoundPerson;

/** A team's medication round as JSON. */
@RestController
@RequestMapping("/api/v1")
class RoundApi {

    private final MedicationRound round;

    RoundApi(MedicationRound round) {
        this.round = round;
    }

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
}
