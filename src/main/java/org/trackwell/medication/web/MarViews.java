package org.trackwell.medication.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.medication.internal.MarChart;
import org.trackwell.medication.internal.MarCharts;

/** The MAR chart and adherence as the API shows them. */
final class MarViews {

    private MarViews() {}

    /** A client's MAR chart for a month: one row per prescription and time, one cell per day. */
    record MarChartView(YearMonth month, List<LocalDate> days, List<MarRowView> rows, AdherenceView adherence) {

        static MarChartView of(MarChart chart) {
            return new MarChartView(
                    chart.month(),
                    chart.days(),
                    chart.rows().stream()
                            .map(row ->
                                    new MarRowView(PrescriptionView.of(row.prescription()), row.time(), row.cells()))
                            .toList(),
                    AdherenceView.of(chart.adherence()));
        }
    }

    record MarRowView(
            PrescriptionView prescription, @Nullable LocalTime time, List<String> cells) {}

    /** What happened to the doses due in a period; {@code percent} is given as a share of due. */
    record AdherenceView(
            int due,
            int given,
            int notGiven,
            int refused,
            int missed,
            int asNeededGiven,
            @Nullable Double percent) {

        static AdherenceView of(MarChart.Adherence adherence) {
            return new AdherenceView(
                    adherence.due(),
                    adherence.given(),
                    adherence.notGiven(),
                    adherence.refused(),
                    adherence.missed(),
                    adherence.asNeededGiven(),
                    adherence.percent());
        }
    }

    /** A team's adherence over a period, client by client (by pseudonym code, as shown: ABC-DEF7). */
    record TeamAdherenceView(
            UUID team, LocalDate from, LocalDate to, List<ClientAdherenceView> clients, AdherenceView total) {

        static TeamAdherenceView of(MarCharts.TeamAdherence adherence) {
            return new TeamAdherenceView(
                    adherence.team(),
                    adherence.from(),
                    adherence.to(),
                    adherence.clients().stream()
                            .map(client -> new ClientAdherenceView(
                                    client.client().toString(), AdherenceView.of(client.adherence())))
                            .toList(),
                    AdherenceView.of(adherence.total()));
        }
    }

    record ClientAdherenceView(String client, AdherenceView adherence) {}
}
