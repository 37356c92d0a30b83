package org.trackwell.reports.internal;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.identity.SignedInUser;
import org.trackwell.medication.AsNeededDoses;
import org.trackwell.medication.AsNeededDoses.AsNeededDose;
import org.trackwell.reports.ExportTable;
import org.trackwell.shared.ServiceTimeZone;

/**
 * The as-needed (PRN) reports for managers, over their teams' clients: use and effect by client
 * and medicine, and the doses given beyond the PRN limits.
 */
@Service
public class AsNeededReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private final MedicationReach reach;
    private final AsNeededDoses doses;
    private final ServiceTimeZone zone;
    private final AuditTrail trail;

    AsNeededReport(MedicationReach reach, AsNeededDoses doses, ServiceTimeZone zone, AuditTrail trail) {
        this.reach = reach;
        this.doses = doses;
        this.zone = zone;
        this.trail = trail;
    }

    /** One client's use of one medicine as needed, and how well it worked as recorded. */
    public record Use(
            String client,
            String medicine,
            int given,
            int helped,
            int helpedALittle,
            int didNotHelp,
            int notRecorded,
            int overLimits) {

        Use plus(AsNeededDose dose) {
            AsNeededDoses.Effect effect = dose.effect();
            return new Use(
                    client,
                    medicine,
                    given + 1,
                    helped + (effect == AsNeededDoses.Effect.HELPED ? 1 : 0),
                    helpedALittle + (effect == AsNeededDoses.Effect.HELPED_A_LITTLE ? 1 : 0),
                    didNotHelp + (effect == AsNeededDoses.Effect.DID_NOT_HELP ? 1 : 0),
                    notRecorded + (effect == null ? 1 : 0),
                    overLimits + (dose.overridden() ? 1 : 0));
        }

        List<@Nullable Object> cells() {
            return List.of(client, medicine, given, helped, helpedALittle, didNotHelp, notRecorded, overLimits);
        }
    }

    /** A dose given beyond the PRN limits (the reason stays in the client's sealed record). */
    public record GivenOverLimits(
            String client, String team, String medicine, LocalDate givenOn, String givenAt, String effect) {

        List<@Nullable Object> cells() {
            return List.of(client, team, medicine, givenOn, givenAt, effect);
        }
    }

    @Transactional
    @PreAuthorize("hasRole('MANAGER')")
    public List<Use> use(SignedInUser user, ReportFilter filter) {
        trail.record(
                AuditAction.REPORT_VIEWED,
                MedicationReach.target("medication-as-needed", filter, null),
                Outcome.SUCCESS);
        return tally(user, filter);
    }

    @Transactional
    @PreAuthorize("hasRole('MANAGER')")
    public List<GivenOverLimits> overrides(SignedInUser user, ReportFilter filter) {
        trail.record(
                AuditAction.REPORT_VIEWED,
                MedicationReach.target("medication-prn-overrides", filter, null),
                Outcome.SUCCESS);
        List<GivenOverLimits> overrides = new ArrayList<>();
        overridden(user, filter, overrides::add);
        return overrides;
    }

    @PreAuthorize("hasRole('MANAGER')")
    public ExportTable useTable(ReportFilter filter) {
        return new ExportTable(
                "medication-as-needed",
                "As-needed doses: use and effect",
                reach.words(filter, null),
                MedicationReach.codes(filter, null),
                List.of(
                        "Client",
                        "Medicine",
                        "Doses given",
                        "Helped",
                        "Helped a little",
                        "Did not help",
                        "Effect not recorded",
                        "Beyond the limits"));
    }

    @PreAuthorize("hasRole('MANAGER')")
    public void useLines(SignedInUser user, ReportFilter filter, Consumer<List<@Nullable Object>> line) {
        tally(user, filter).forEach(use -> line.accept(use.cells()));
    }

    @PreAuthorize("hasRole('MANAGER')")
    public ExportTable overridesTable(ReportFilter filter) {
        return new ExportTable(
                "medication-prn-overrides",
                "As-needed doses given beyond the limits",
                reach.words(filter, null),
                MedicationReach.codes(filter, null),
                List.of("Client", "Team", "Medicine", "Given on", "Given at", "Effect"));
    }

    @PreAuthorize("hasRole('MANAGER')")
    public void overrideLines(SignedInUser user, ReportFilter filter, Consumer<List<@Nullable Object>> line) {
        overridden(user, filter, override -> line.accept(override.cells()));
    }

    private List<Use> tally(SignedInUser user, ReportFilter filter) {
        Map<String, Use> uses = new TreeMap<>();
        for (ClientRef client : reach.clients(user, filter)) {
            String code = client.code().toString();
            for (AsNeededDose dose : given(client, filter)) {
                uses.computeIfAbsent(
                        code + "\n" + dose.medicine(), k -> new Use(code, dose.medicine(), 0, 0, 0, 0, 0, 0));
                uses.computeIfPresent(code + "\n" + dose.medicine(), (k, use) -> use.plus(dose));
            }
        }
        return List.copyOf(uses.values());
    }

    private void overridden(SignedInUser user, ReportFilter filter, Consumer<GivenOverLimits> each) {
        Map<UUID, String> teams = reach.teamNames();
        for (ClientRef client : reach.clients(user, filter)) {
            for (AsNeededDose dose : given(client, filter)) {
                if (dose.overridden()) {
                    ZonedDateTime given = dose.givenAt().atZone(zone.zone());
                    each.accept(new GivenOverLimits(
                            client.code().toString(),
                            teams.getOrDefault(client.teamId(), ""),
                            dose.medicine(),
                            given.toLocalDate(),
                            TIME.format(given),
                            dose.effect() == null
                                    ? "not recorded"
                                    : dose.effect().words()));
                }
            }
        }
    }

    private List<AsNeededDose> given(ClientRef client, ReportFilter filter) {
        return doses.of(client, filter.from(), filter.to()).stream()
                .filter(dose -> filter.covers(dose.medicineId()))
                .toList();
    }
}
