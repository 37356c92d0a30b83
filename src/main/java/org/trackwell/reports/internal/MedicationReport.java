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
import org.trackwell.medication.DosesDue;
import org.trackwell.medication.DosesDue.DueDose;
import org.trackwell.reports.ExportTable;
import org.trackwell.reports.ReportRefused;
import org.trackwell.shared.ServiceTimeZone;

/**
 * The medication reports for managers, over their teams' clients: adherence (doses given as a
 * share of doses due) by client, team or medicine, and the doses not given or missed with why.
 * The medication module decides which doses were due and what became of each ({@link DosesDue}).
 */
@Service
public class MedicationReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final List<String> MISSED_COLUMNS =
            List.of("Client", "Team", "Medicine", "Due on", "Due at", "What happened");

    private final MedicationReach reach;
    private final DosesDue doses;
    private final ServiceTimeZone zone;
    private final AuditTrail trail;

    MedicationReport(MedicationReach reach, DosesDue doses, ServiceTimeZone zone, AuditTrail trail) {
        this.reach = reach;
        this.doses = doses;
        this.zone = zone;
        this.trail = trail;
    }

    /** One line of adherence: a client's code, a team's or a medicine's name, and its doses. */
    public record AdherenceLine(String name, int due, int given, int notGiven, int missed) {

        /** Given as a share of due, in percent to one decimal (half up), or null when none were due. */
        public @Nullable Double percent() {
            return due == 0 ? null : Math.round(given * 1000.0 / due) / 10.0;
        }

        AdherenceLine plus(DueDose dose) {
            return new AdherenceLine(
                    name,
                    due + 1,
                    given + (dose.result() == DosesDue.Result.GIVEN ? 1 : 0),
                    notGiven + (dose.result() == DosesDue.Result.NOT_GIVEN ? 1 : 0),
                    missed + (dose.result() == DosesDue.Result.MISSED ? 1 : 0));
        }

        List<@Nullable Object> cells() {
            List<@Nullable Object> cells = new ArrayList<>();
            cells.add(name);
            cells.add(due);
            cells.add(given);
            cells.add(notGiven);
            cells.add(missed);
            cells.add(percent());
            return cells;
        }
    }

    /** A dose due and not given: recorded as not given with its reason, or missed with nothing recorded. */
    public record MissedDose(String client, String team, String medicine, LocalDate dueOn, String dueAt, String why) {

        List<@Nullable Object> cells() {
            return List.of(client, team, medicine, dueOn, dueAt, why);
        }
    }

    @Transactional
    @PreAuthorize("hasRole('MANAGER')")
    public List<AdherenceLine> adherence(SignedInUser user, ReportFilter filter, Grouping by) {
        trail.record(
                AuditAction.REPORT_VIEWED,
                MedicationReach.target("medication-adherence", filter, by.key()),
                Outcome.SUCCESS);
        return tally(user, filter, by);
    }

    @Transactional
    @PreAuthorize("hasRole('MANAGER')")
    public List<MissedDose> missed(SignedInUser user, ReportFilter filter) {
        trail.record(
                AuditAction.REPORT_VIEWED,
                MedicationReach.target("medication-missed-doses", filter, null),
                Outcome.SUCCESS);
        List<MissedDose> missed = new ArrayList<>();
        notGiven(user, filter, missed::add);
        return missed;
    }

    @PreAuthorize("hasRole('MANAGER')")
    public ExportTable adherenceTable(ReportFilter filter, Grouping by) {
        return new ExportTable(
                "medication-adherence",
                "Medication adherence by " + by.word(),
                reach.words(filter, by.word()),
                MedicationReach.codes(filter, by.key()),
                List.of(by.heading(), "Doses due", "Given", "Not given", "Missed", "Percent given"));
    }

    @PreAuthorize("hasRole('MANAGER')")
    public void adherenceLines(
            SignedInUser user, ReportFilter filter, Grouping by, Consumer<List<@Nullable Object>> line) {
        tally(user, filter, by).forEach(each -> line.accept(each.cells()));
    }

    @PreAuthorize("hasRole('MANAGER')")
    public ExportTable missedTable(ReportFilter filter) {
        return new ExportTable(
                "medication-missed-doses",
                "Doses not given or missed",
                reach.words(filter, null),
                MedicationReach.codes(filter, null),
                MISSED_COLUMNS);
    }

    @PreAuthorize("hasRole('MANAGER')")
    public void missedLines(SignedInUser user, ReportFilter filter, Consumer<List<@Nullable Object>> line) {
        notGiven(user, filter, dose -> line.accept(dose.cells()));
    }

    private void notGiven(SignedInUser user, ReportFilter filter, Consumer<MissedDose> each) {
        Map<UUID, String> teams = reach.teamNames();
        reached(user, filter, (client, dose) -> {
            if (dose.result() == DosesDue.Result.GIVEN) {
                return;
            }
            ZonedDateTime due = dose.dueAt().atZone(zone.zone());
            String why = dose.result() == DosesDue.Result.MISSED
                    ? "Missed: nothing recorded"
                    : "Not given: " + (dose.reason() == null ? "no reason given" : dose.reason());
            each.accept(new MissedDose(
                    client.code().toString(),
                    teams.getOrDefault(client.teamId(), ""),
                    dose.medicine(),
                    due.toLocalDate(),
                    TIME.format(due),
                    why));
        });
    }

    private List<AdherenceLine> tally(SignedInUser user, ReportFilter filter, Grouping by) {
        Map<UUID, String> teams = reach.teamNames();
        Map<String, AdherenceLine> lines = new TreeMap<>();
        reached(user, filter, (client, dose) -> {
            String name = switch (by) {
                case CLIENT -> client.code().toString();
                case TEAM -> teams.getOrDefault(client.teamId(), "");
                case MEDICINE -> dose.medicine();
            };
            lines.computeIfAbsent(name, n -> new AdherenceLine(n, 0, 0, 0, 0));
            lines.computeIfPresent(name, (n, line) -> line.plus(dose));
        });
        return List.copyOf(lines.values());
    }

    @FunctionalInterface
    private interface ClientDoses {
        void accept(ClientRef client, DueDose dose);
    }

    /** Every settled due dose of the clients in the user's teams (or the one team asked for), of the medicine asked for if one is. */
    private void reached(SignedInUser user, ReportFilter filter, ClientDoses each) {
        for (ClientRef client : reach.clients(user, filter)) {
            doses.of(client, filter.from(), filter.to()).stream()
                    .filter(dose -> filter.covers(dose.medicineId()))
                    .forEach(dose -> each.accept(client, dose));
        }
    }

    /** What adherence is added up by. */
    public enum Grouping {
        CLIENT("client", "Client"),
        TEAM("team", "Team"),
        MEDICINE("medicine", "Medicine");

        private final String key;
        private final String heading;

        Grouping(String key, String heading) {
            this.key = key;
            this.heading = heading;
        }

        public String key() {
            return key;
        }

        public String heading() {
            return heading;
        }

        public String word() {
            return key;
        }

        /** The grouping a request names; by client when it names none. */
        public static Grouping named(@Nullable String key) {
            if (key == null || key.isBlank()) {
                return CLIENT;
            }
            for (Grouping grouping : values()) {
                if (grouping.key.equals(key.strip())) {
                    return grouping;
                }
            }
            throw new ReportRefused("Adherence is shown by client, team or medicine.");
        }
    }
}
