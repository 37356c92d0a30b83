package org.trackwell.reports.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClinicalReach;
import org.trackwell.identity.Accounts;
import org.trackwell.identity.SignedInUser;
import org.trackwell.identity.Team;
import org.trackwell.identity.User;
import org.trackwell.outcomes.TalkingTherapies;
import org.trackwell.outcomes.TalkingTherapies.EpisodeOutcome;
import org.trackwell.outcomes.TalkingTherapies.MeasureName;
import org.trackwell.reports.ExportTable;
import org.trackwell.reports.ReportRefused;
import org.trackwell.shared.ServiceTimeZone;

/**
 * The outcomes report for managers (their teams' clients) and practitioners (their allocated
 * clients): the figures, the episodes behind any of them, and both as tables to download.
 */
@Service
public class OutcomesReport {

    private static final List<String> EPISODE_COLUMNS =
            List.of("Client", "Team", "Stage", "Referred", "First attended", "Closed", "Treatment contacts", "Outcome");

    private final OutcomeRows rows;
    private final TalkingTherapies talkingTherapies;
    private final Accounts accounts;
    private final ServiceTimeZone zone;
    private final AuditTrail trail;

    OutcomesReport(
            OutcomeRows rows,
            TalkingTherapies talkingTherapies,
            Accounts accounts,
            ServiceTimeZone zone,
            AuditTrail trail) {
        this.rows = rows;
        this.talkingTherapies = talkingTherapies;
        this.accounts = accounts;
        this.zone = zone;
        this.trail = trail;
    }

    /** One line of the list behind a figure: the client by pseudonym code only. */
    public record EpisodeEntry(
            String client,
            String team,
            String stage,
            LocalDate referredOn,
            @Nullable LocalDate firstContact,
            @Nullable LocalDate closedOn,
            int treatmentContacts,
            String outcome) {

        List<@Nullable Object> cells() {
            List<@Nullable Object> cells = new ArrayList<>();
            cells.add(client);
            cells.add(team);
            cells.add(stage);
            cells.add(referredOn);
            cells.add(firstContact);
            cells.add(closedOn);
            cells.add(treatmentContacts);
            cells.add(outcome);
            return cells;
        }
    }

    @Transactional
    @PreAuthorize("hasAnyRole('MANAGER', 'PRACTITIONER')")
    public OutcomeFigures figures(SignedInUser user, ReportFilter filter) {
        checkMeasure(filter);
        trail.record(AuditAction.REPORT_VIEWED, target("outcomes", filter, null), Outcome.SUCCESS);
        return compute(user, filter);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('MANAGER', 'PRACTITIONER')")
    public List<EpisodeEntry> episodes(SignedInUser user, ReportFilter filter, Figure figure) {
        checkMeasure(filter);
        trail.record(AuditAction.REPORT_EPISODES_VIEWED, target("outcomes", filter, figure), Outcome.SUCCESS);
        List<EpisodeEntry> entries = new ArrayList<>();
        behind(user, filter, figure, entries::add);
        return entries;
    }

    /** The figures as a table to download, one line per figure; the caller streams and records it. */
    @PreAuthorize("hasAnyRole('MANAGER', 'PRACTITIONER')")
    public ExportTable figuresTable(ReportFilter filter) {
        checkMeasure(filter);
        return table(
                "outcomes-report", "Outcomes report", filter, null, List.of("Figure", "Episodes", "Out of", "Percent"));
    }

    /** Writes the figures' lines: counts, rates, completeness, waits and mean changes. */
    @PreAuthorize("hasAnyRole('MANAGER', 'PRACTITIONER')")
    public void figureLines(SignedInUser user, ReportFilter filter, Consumer<List<@Nullable Object>> line) {
        OutcomeFigures figures = compute(user, filter);
        for (Figure figure : Figure.values()) {
            line.accept(cells(figure.label(), figures.count(figure), null, null));
        }
        figures.rates().forEach(rate -> line.accept(cells(rate.label(), rate.count(), rate.out(), rate.percent())));
        OutcomeFigures.Completeness completeness = figures.completeness();
        line.accept(cells(
                "Attended sessions with paired scores",
                completeness.paired(),
                completeness.attended(),
                completeness.percent()));
        figures.waits()
                .forEach(wait ->
                        line.accept(cells(wait.label() + ", mean days", wait.meanDays(), wait.episodes(), null)));
        figures.changes()
                .forEach(change -> line.accept(cells(
                        change.title() + ": mean change, first to last score",
                        change.meanChange(),
                        change.episodes(),
                        null)));
    }

    @PreAuthorize("hasAnyRole('MANAGER', 'PRACTITIONER')")
    public ExportTable episodesTable(ReportFilter filter, Figure figure) {
        checkMeasure(filter);
        return table("outcomes-episodes", "Episodes: " + figure.label(), filter, figure, EPISODE_COLUMNS);
    }

    /** The episodes behind a figure, one at a time as the query returns them. */
    @PreAuthorize("hasAnyRole('MANAGER', 'PRACTITIONER')")
    public void episodeLines(
            SignedInUser user, ReportFilter filter, Figure figure, Consumer<List<@Nullable Object>> line) {
        behind(user, filter, figure, entry -> line.accept(entry.cells()));
    }

    public List<MeasureName> measures() {
        return talkingTherapies.measures();
    }

    private OutcomeFigures compute(SignedInUser user, ReportFilter filter) {
        ClinicalReach reach = ClinicalReach.of(user);
        FigureTally tally = new FigureTally(filter, talkingTherapies.definitions());
        rows.episodes(filter, reach, talkingTherapies.treatmentTypes(), zone.zone(), tally::add);
        Map<String, String> titles = titles();
        return tally.figures(rows.meanChanges(filter, reach).stream()
                .map(m -> OutcomeFigures.MeasureChange.of(
                        m.measure(), titles.getOrDefault(m.measure(), m.measure()), m.episodes(), m.first(), m.last()))
                .toList());
    }

    private void behind(SignedInUser user, ReportFilter filter, Figure figure, Consumer<EpisodeEntry> each) {
        TalkingTherapies.Definitions definitions = talkingTherapies.definitions();
        Map<UUID, String> teams = accounts.teams().stream().collect(Collectors.toMap(Team::id, Team::name));
        rows.episodes(filter, ClinicalReach.of(user), talkingTherapies.treatmentTypes(), zone.zone(), line -> {
            EpisodeOutcome outcome = FigureTally.outcome(definitions, line);
            if (figure.counts(line, outcome, filter)) {
                each.accept(new EpisodeEntry(
                        line.code(),
                        teams.getOrDefault(line.team(), ""),
                        line.stage().label(),
                        line.referredOn(),
                        line.firstContact(),
                        line.closedOn(),
                        line.treatmentContacts(),
                        outcome.summary()));
            }
        });
    }

    private ExportTable table(
            String name, String title, ReportFilter filter, @Nullable Figure figure, List<String> columns) {
        Map<String, String> words = new LinkedHashMap<>();
        words.put("Period", Cells.DAY.format(filter.from()) + " to " + Cells.DAY.format(filter.to()));
        if (filter.team() != null) {
            words.put(
                    "Team",
                    accounts.teams().stream()
                            .filter(t -> t.id().equals(filter.team()))
                            .map(Team::name)
                            .findFirst()
                            .orElse("unknown team"));
        }
        if (filter.practitioner() != null) {
            words.put(
                    "Practitioner",
                    accounts.list().stream()
                            .filter(u -> u.id().value().equals(filter.practitioner()))
                            .map(User::displayName)
                            .findFirst()
                            .orElse("unknown practitioner"));
        }
        if (filter.measure() != null) {
            words.put("Measure", titles().getOrDefault(filter.measure(), filter.measure()));
        }
        if (filter.stage() != null) {
            words.put("Stage", filter.stage().label());
        }
        if (figure != null) {
            words.put("Figure", figure.label());
        }
        return new ExportTable(name, title, words, codes(filter, figure), columns);
    }

    private Map<String, String> titles() {
        return talkingTherapies.measures().stream().collect(Collectors.toMap(MeasureName::id, MeasureName::title));
    }

    private void checkMeasure(ReportFilter filter) {
        if (filter.measure() != null && !titles().containsKey(filter.measure())) {
            throw new ReportRefused(filter.measure() + " is not one of this service's measures.");
        }
    }

    private static String target(String report, ReportFilter filter, @Nullable Figure figure) {
        return "report:" + report + "?"
                + codes(filter, figure).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("&"));
    }

    /** The filter as the audit trail records it: dates, ids and codes, never names. */
    private static Map<String, String> codes(ReportFilter filter, @Nullable Figure figure) {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("from", filter.from().toString());
        codes.put("to", filter.to().toString());
        if (filter.team() != null) {
            codes.put("team", filter.team().toString());
        }
        if (filter.practitioner() != null) {
            codes.put("practitioner", filter.practitioner().toString());
        }
        if (filter.measure() != null) {
            codes.put("measure", filter.measure());
        }
        if (filter.stage() != null) {
            codes.put("stage", filter.stage().name());
        }
        if (figure != null) {
            codes.put("figure", figure.key());
        }
        return codes;
    }

    private static List<@Nullable Object> cells(
            String label, @Nullable Number value, @Nullable Number out, @Nullable Number percent) {
        List<@Nullable Object> cells = new ArrayList<>();
        cells.add(label);
        cells.add(value);
        cells.add(out);
        cells.add(percent);
        return cells;
    }
}
