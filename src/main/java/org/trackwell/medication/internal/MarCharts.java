package org.trackwell.medication.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.Clients;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.identity.Role;
import org.trackwell.identity.SignedInUser;
import org.trackwell.medication.internal.DoseRows.StoredDose;
import org.trackwell.medication.internal.MarChart.Adherence;

/** MAR charts by month, and adherence, refusals, missed doses and PRN use by client and team. */
@Service
public class MarCharts {

    private final Clients clients;
    private final PrescriptionRows prescriptions;
    private final DoseRows doses;
    private final Medicines medicines;
    private final AuditTrail trail;
    private final Clock clock;

    MarCharts(
            Clients clients,
            PrescriptionRows prescriptions,
            DoseRows doses,
            Medicines medicines,
            AuditTrail trail,
            Clock clock) {
        this.clients = clients;
        this.prescriptions = prescriptions;
        this.doses = doses;
        this.medicines = medicines;
        this.trail = trail;
        this.clock = clock;
    }

    /** One client's adherence in a team report. */
    public record ClientAdherence(PseudonymCode client, Adherence adherence) {}

    public record TeamAdherence(
            UUID team, LocalDate from, LocalDate to, List<ClientAdherence> clients, Adherence total) {}

    /** The client's chart for the month; the request that reads it records the reading. */
    @Transactional
    public MarChart month(ClientRef client, YearMonth month) {
        ZoneId zone = medicines.settings().zone();
        return chart(client, month.atDay(1), month.atEndOfMonth(), zone, month);
    }

    @Transactional
    public TeamAdherence team(SignedInUser user, UUID team, LocalDate from, LocalDate to) {
        if (!user.has(Role.MANAGER)) {
            throw new org.springframework.security.access.AccessDeniedException("managers only");
        }
        if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            throw MedicationRefused.invalid("Choose a period of up to a year, the start before the end.");
        }
        List<ClientRef> inTeam = clients.inTeam(user, team);
        trail.record(AuditAction.MEDICATION_REPORT_VIEWED, "team:" + team, Outcome.SUCCESS);
        ZoneId zone = medicines.settings().zone();
        List<ClientAdherence> lines = new ArrayList<>();
        Adherence total = Adherence.of(0, 0, 0, 0, 0, 0);
        for (ClientRef client : inTeam) {
            Adherence adherence =
                    chart(client, from, to, zone, YearMonth.from(from)).adherence();
            lines.add(new ClientAdherence(client.code(), adherence));
            total = total.plus(adherence);
        }
        return new TeamAdherence(team, from, to, lines, total);
    }

    private MarChart chart(ClientRef client, LocalDate first, LocalDate last, ZoneId zone, YearMonth month) {
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        DueDoses dueDoses = new DueDoses(
                doses.ofClient(client.id(), from, to).stream()
                        .map(StoredDose::record)
                        .toList(),
                from,
                to,
                now,
                medicines.settings());
        List<DoseRecord> standing = dueDoses.standing();
        Set<String> missed = new HashSet<>();
        doses.missed(List.of(client.id()), from, to)
                .forEach(m -> missed.add(DueDoses.key(m.prescriptionId(), m.dueAt())));
        List<LocalDate> days = first.datesUntil(last.plusDays(1)).toList();
        List<MarChart.Row> rows = new ArrayList<>();
        int due = 0, given = 0, notGiven = 0, refused = 0, missedCount = 0, asNeeded = 0;
        for (Prescription p : prescriptions.ofClient(client.id())) {
            if (!dueDoses.ran(p)) {
                continue;
            }
            if (p.kind() == Prescription.Kind.PRN) {
                List<String> cells = new ArrayList<>();
                for (LocalDate day : days) {
                    long count = standing.stream()
                            .filter(r -> r.prescriptionId().equals(p.id())
                                    && r.outcome() == DoseRecord.Outcome.GIVEN
                                    && r.givenAt().atZone(zone).toLocalDate().equals(day))
                            .count();
                    asNeeded += (int) count;
                    cells.add(count == 0 ? "" : Long.toString(count));
                }
                rows.add(new MarChart.Row(p, null, cells));
                continue;
            }
            Map<LocalTime, Map<LocalDate, String>> slots = new TreeMap<>();
            for (DueDoses.Settled settled : dueDoses.of(p)) {
                DoseSchedule.Due d = settled.due();
                DoseRecord record = settled.record();
                String cell;
                if (record != null) {
                    cell = record.code();
                } else if (settled.windowOver() || missed.contains(DueDoses.key(p.id(), d.at()))) {
                    cell = "M";
                } else {
                    cell = d.at().isAfter(now) ? "" : "·";
                }
                if (!d.at().isAfter(now)) {
                    due++;
                    if (settled.given()) {
                        given++;
                    } else if (record != null) {
                        notGiven++;
                        refused += record.reason() == NotGivenReason.REFUSED ? 1 : 0;
                    } else if (settled.missed()) {
                        missedCount++;
                    }
                }
                var local = d.at().atZone(zone);
                slots.computeIfAbsent(local.toLocalTime(), t -> new HashMap<>()).put(local.toLocalDate(), cell);
            }
            slots.forEach((time, cells) -> rows.add(new MarChart.Row(
                    p,
                    time,
                    days.stream().map(day -> cells.getOrDefault(day, "")).toList())));
        }
        return new MarChart(month, days, rows, Adherence.of(due, given, notGiven, refused, missedCount, asNeeded));
    }
}
