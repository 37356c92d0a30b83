package org.trackwell.medication.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientIdentification;
import org.trackwell.clients.ClientIdentity;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Clients;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.identity.SignedInUser;
import org.trackwell.medication.internal.DoseRows.StoredDose;

/**
 * The medication round for a team: the doses overdue, due now and coming up in the next hours,
 * computed from the schedules in the service's time zone, with what has been recorded; the
 * as-needed medicines with when the next dose is allowed; and the as-needed doses to ask about.
 */
@Service
public class MedicationRound {

    static final Duration LOOK_BACK = Duration.ofHours(12);
    static final Duration LOOK_AHEAD = Duration.ofHours(4);

    private final Clients clients;
    private final ClientIdentification identification;
    private final PrescriptionRows prescriptions;
    private final DoseRows doses;
    private final Medicines medicines;
    private final AuditTrail trail;
    private final Clock clock;

    MedicationRound(
            Clients clients,
            ClientIdentification identification,
            PrescriptionRows prescriptions,
            DoseRows doses,
            Medicines medicines,
            AuditTrail trail,
            Clock clock) {
        this.clients = clients;
        this.identification = identification;
        this.prescriptions = prescriptions;
        this.doses = doses;
        this.medicines = medicines;
        this.trail = trail;
        this.clock = clock;
    }

    /** An as-needed medicine on the round: the last dose, and when the next one is allowed. */
    public record AsNeeded(
            UUID clientId,
            PseudonymCode client,
            Prescription prescription,
            @Nullable Instant lastGiven,
            long givenInLastDay,
            @Nullable Instant nextAllowedAt) {}

    /** An as-needed dose given long enough ago to ask whether it helped. */
    public record EffectToAsk(PseudonymCode client, UUID doseId, Prescription prescription, Instant givenAt) {}

    /**
     * The round, with each of its clients as the round shows them to be checked by ({@code
     * people}, by code).
     */
    public record Round(
            Instant at,
            List<RoundDose> doses,
            List<AsNeeded> asNeeded,
            List<EffectToAsk> effects,
            Map<PseudonymCode, RoundPerson> people) {}

    @Transactional
    public Round of(SignedInUser user, UUID team) {
        List<ClientRef> inTeam = clients.inTeam(user, team);
        trail.record(AuditAction.MEDICATION_ROUND_VIEWED, "team:" + team, Outcome.SUCCESS);
        Instant now = clock.instant();
        MedicationSettings settings = medicines.settings();
        Map<UUID, PseudonymCode> codes = new HashMap<>();
        inTeam.forEach(c -> codes.put(c.id(), c.code()));
        List<UUID> ids = List.copyOf(codes.keySet());
        if (ids.isEmpty()) {
            return new Round(now, List.of(), List.of(), List.of(), Map.of());
        }
        List<Prescription> running = prescriptions.runningSince(ids, now.minus(LOOK_BACK));
        List<DoseRecord> recorded = DoseRecords.standing(
                doses.ofClients(ids, now.minus(Duration.ofHours(36)), now.plus(LOOK_AHEAD)).stream()
                        .map(StoredDose::record)
                        .toList());
        Set<String> missed = new HashSet<>();
        doses.missed(ids, now.minus(LOOK_BACK), now)
                .forEach(m -> missed.add(DueDoses.key(m.prescriptionId(), m.dueAt())));
        List<RoundDose> due = dueDoses(running, recorded, missed, codes, now, settings);
        List<AsNeeded> asNeeded = running.stream()
                .filter(p -> p.kind() == Prescription.Kind.PRN && p.active())
                .map(p -> asNeeded(p, recorded, codes, now))
                .toList();
        List<EffectToAsk> effects = doses
                .effectNotAsked(
                        ids,
                        now.minus(Duration.ofHours(24)),
                        now.minus(Duration.ofMinutes(settings.prnEffectMinutes())))
                .stream()
                .map(StoredDose::record)
                .flatMap(r -> running.stream()
                        .filter(p -> p.id().equals(r.prescriptionId()))
                        .map(p -> new EffectToAsk(codeOf(codes, p), r.id(), p, r.givenAt())))
                .toList();
        Map<UUID, ClientIdentity> identities = identification.ofClients(ids);
        Map<PseudonymCode, RoundPerson> people = new HashMap<>();
        codes.forEach((id, code) ->
                people.put(code, RoundPerson.of(code, identities.getOrDefault(id, ClientIdentity.NONE), settings)));
        return new Round(now, due, asNeeded, effects, people);
    }

    /**
     * Every scheduled dose of the prescriptions from {@link #LOOK_BACK} ago to {@link #LOOK_AHEAD}
     * ahead, each with its status: what the round computes, on its own so it can be measured.
     */
    static List<RoundDose> dueDoses(
            List<Prescription> running,
            List<DoseRecord> recorded,
            Set<String> missed,
            Map<UUID, PseudonymCode> codes,
            Instant now,
            MedicationSettings settings) {
        Map<String, DoseRecord> byDue = DueDoses.byDue(recorded);
        List<RoundDose> due = new ArrayList<>();
        for (Prescription p : running) {
            if (p.kind() != Prescription.Kind.REGULAR) {
                continue;
            }
            Duration tolerance = p.tolerance(settings);
            for (DoseSchedule.Due d : p.dueBetween(now.minus(LOOK_BACK), now.plus(LOOK_AHEAD), settings.zone())) {
                String key = DueDoses.key(p.id(), d.at());
                DoseRecord record = byDue.get(key);
                Instant start = d.at().minus(tolerance);
                Instant end = d.at().plus(tolerance);
                RoundDose.Status status = record != null
                        ? (record.outcome() == DoseRecord.Outcome.GIVEN
                                ? RoundDose.Status.GIVEN
                                : RoundDose.Status.NOT_GIVEN)
                        : !now.isBefore(end) || missed.contains(key)
                                ? RoundDose.Status.MISSED
                                : now.isAfter(d.at())
                                        ? RoundDose.Status.OVERDUE
                                        : now.isBefore(start) ? RoundDose.Status.UPCOMING : RoundDose.Status.DUE;
                due.add(new RoundDose(p.clientId(), codeOf(codes, p), p, d.at(), d.dose(), start, end, status, record));
            }
        }
        due.sort(Comparator.comparing(RoundDose::status).thenComparing(RoundDose::dueAt));
        return due;
    }

    private static AsNeeded asNeeded(
            Prescription p, List<DoseRecord> recorded, Map<UUID, PseudonymCode> codes, Instant now) {
        List<DoseRecord> given = recorded.stream()
                .filter(r -> r.prescriptionId().equals(p.id()) && r.outcome() == DoseRecord.Outcome.GIVEN)
                .sorted(Comparator.comparing(DoseRecord::givenAt))
                .toList();
        Instant last = given.isEmpty() ? null : given.getLast().givenAt();
        long inDay = given.stream()
                .filter(r -> r.givenAt().isAfter(now.minus(Duration.ofHours(24))))
                .count();
        Instant next = PrnLimits.nextAllowed(
                        p.limits(), given.stream().map(DoseRecord::givenAt).toList(), now)
                .orElse(null);
        return new AsNeeded(p.clientId(), codeOf(codes, p), p, last, inDay, next);
    }

    private static PseudonymCode codeOf(Map<UUID, PseudonymCode> codes, Prescription p) {
        return Objects.requireNonNull(codes.get(p.clientId()), "a running prescription's client is in the team");
    }
}
