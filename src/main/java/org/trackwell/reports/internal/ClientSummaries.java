package org.trackwell.reports.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.clients.ClientIdentifiers;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Episode;
import org.trackwell.clients.Episodes;
import org.trackwell.identity.SignedInUser;
import org.trackwell.medication.CurrentMedication;
import org.trackwell.medication.CurrentMedication.Prescribed;
import org.trackwell.medication.DosesDue;
import org.trackwell.medication.DosesDue.DueDose;
import org.trackwell.outcomes.ClientOutcomes;
import org.trackwell.outcomes.ClientOutcomes.EpisodeScores;
import org.trackwell.outcomes.ClientOutcomes.GoalRatings;
import org.trackwell.shared.ServiceTimeZone;
import org.trackwell.tenancy.ModulesUsed;

/**
 * One client's outcomes and medication in one record, with the identifying details the service
 * records (none, by default: the pseudonym code alone): episodes with their measures' first and
 * latest scores and the reliable change, goals, the medicines prescribed today and how many of
 * their regular doses were given over the last four weeks. A module the service has switched off
 * is left out. The request that reads it records the reading, once.
 */
@Service
public class ClientSummaries {

    /** How far back adherence looks, today included. */
    static final int ADHERENCE_DAYS = 28;

    private final Episodes episodes;
    private final ClientIdentifiers identifiers;
    private final ClientOutcomes outcomes;
    private final CurrentMedication medication;
    private final DosesDue doses;
    private final ServiceTimeZone zone;
    private final ModulesUsed modules;
    private final Clock clock;

    ClientSummaries(
            Episodes episodes,
            ClientIdentifiers identifiers,
            ClientOutcomes outcomes,
            CurrentMedication medication,
            DosesDue doses,
            ServiceTimeZone zone,
            ModulesUsed modules,
            Clock clock) {
        this.episodes = episodes;
        this.identifiers = identifiers;
        this.outcomes = outcomes;
        this.medication = medication;
        this.doses = doses;
        this.zone = zone;
        this.modules = modules;
        this.clock = clock;
    }

    /** An episode of care with its stage in words. */
    public record EpisodeLine(String stage, EpisodeScores scores) {}

    /**
     * A medicine prescribed today, and its regular doses over the adherence period.
     *
     * @param adherence in words: "9 of 10 given (90%)", or that none were due
     */
    public record MedicineLine(Prescribed prescribed, String adherence) {}

    /**
     * @param identifiers the client's identifying details the service records (as the client's page
     *     shows them), in words; empty when it records none
     * @param showsOutcomes whether the service uses outcome measures: without, no episodes or goals are shown
     * @param showsMedication whether the service uses medication: without, no medicines are shown
     */
    public record Summary(
            String code,
            Map<String, String> identifiers,
            LocalDate on,
            List<EpisodeLine> episodes,
            List<GoalRatings> goals,
            List<MedicineLine> medication,
            LocalDate adherenceFrom,
            boolean showsOutcomes,
            boolean showsMedication) {}

    @Transactional(readOnly = true)
    public Summary of(SignedInUser user, ClientRef client) {
        LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
        LocalDate from = today.minusDays(ADHERENCE_DAYS - 1);
        boolean withOutcomes = modules.outcomes();
        boolean withMedication = modules.medication();
        ClientOutcomes.Summary scored =
                withOutcomes ? outcomes.of(client) : new ClientOutcomes.Summary(List.of(), List.of());
        Map<UUID, String> stages = withOutcomes
                ? episodes.ofClient(client).stream()
                        .collect(Collectors.toMap(Episode::id, e -> e.stage().label()))
                : Map.of();
        return new Summary(
                client.code().toString(),
                identifiers.of(user, client),
                today,
                scored.episodes().stream()
                        .map(e -> new EpisodeLine(stages.getOrDefault(e.episodeId(), ""), e))
                        .toList(),
                scored.goals(),
                withMedication ? medicines(client, from, today) : List.of(),
                from,
                withOutcomes,
                withMedication);
    }

    private List<MedicineLine> medicines(ClientRef client, LocalDate from, LocalDate today) {
        Map<UUID, int[]> dueAndGiven = new TreeMap<>();
        for (DueDose dose : doses.of(client, from, today)) {
            int[] tally = dueAndGiven.computeIfAbsent(dose.medicineId(), k -> new int[2]);
            tally[0]++;
            tally[1] += dose.result() == DosesDue.Result.GIVEN ? 1 : 0;
        }
        List<MedicineLine> medicines = new ArrayList<>();
        for (Prescribed prescribed : medication.of(client)) {
            medicines.add(new MedicineLine(prescribed, adherence(dueAndGiven.get(prescribed.medicineId()))));
        }
        return medicines;
    }

    private static String adherence(int @Nullable [] tally) {
        if (tally == null || tally[0] == 0) {
            return "No regular doses due";
        }
        long percent = Math.round(tally[1] * 100.0 / tally[0]);
        return tally[1] + " of " + tally[0] + " given (" + percent + "%)";
    }
}
