package org.trackwell.reports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.trackwell.medication.StockRecords;
import org.trackwell.medication.StockRecords.Discrepancy;
import org.trackwell.medication.StockRecords.RegisterLine;
import org.trackwell.reports.ExportTable;
import org.trackwell.shared.ServiceTimeZone;

/**
 * The stock reports for managers, over their teams' clients: the controlled-drug register (every
 * receipt, dose given with its witness, return, destruction and count, with the running balance,
 * as the paper register reads) and the counts that differed from the balance.
 */
@Service
public class StockReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private final MedicationReach reach;
    private final StockRecords stock;
    private final ServiceTimeZone zone;
    private final AuditTrail trail;

    StockReport(MedicationReach reach, StockRecords stock, ServiceTimeZone zone, AuditTrail trail) {
        this.reach = reach;
        this.stock = stock;
        this.zone = zone;
        this.trail = trail;
    }

    /**
     * One line of the register. The first line of each client's medicine in the period is the
     * balance brought forward from before it, when there was stock before.
     *
     * @param in and {@code out}: the quantity received or leaving, blank when none
     */
    public record Entry(
            String medicine,
            String client,
            LocalDate on,
            String at,
            String entry,
            @Nullable BigDecimal in,
            @Nullable BigDecimal out,
            @Nullable BigDecimal counted,
            BigDecimal balance,
            String batch,
            String recordedBy,
            String witness) {

        List<@Nullable Object> cells() {
            List<@Nullable Object> cells = new ArrayList<>();
            cells.add(medicine);
            cells.add(client);
            cells.add(on);
            cells.add(at);
            cells.add(entry);
            cells.add(in);
            cells.add(out);
            cells.add(counted);
            cells.add(balance);
            cells.add(batch);
            cells.add(recordedBy);
            cells.add(witness);
            return cells;
        }
    }

    /** A count that differed from the balance, and whether a manager acknowledged the alert it raised. */
    public record CountDiffered(
            String client,
            String team,
            String medicine,
            LocalDate countedOn,
            String countedAt,
            BigDecimal recordHeld,
            BigDecimal counted,
            BigDecimal difference,
            String countedBy,
            String witness,
            String followUp) {

        List<@Nullable Object> cells() {
            return List.of(
                    client,
                    team,
                    medicine,
                    countedOn,
                    countedAt,
                    recordHeld,
                    counted,
                    difference,
                    countedBy,
                    witness,
                    followUp);
        }
    }

    @Transactional
    @PreAuthorize("hasRole('MANAGER')")
    public List<Entry> register(SignedInUser user, ReportFilter filter) {
        trail.record(
                AuditAction.REPORT_VIEWED,
                MedicationReach.target("controlled-drug-register", filter, null),
                Outcome.SUCCESS);
        List<Entry> entries = new ArrayList<>();
        registered(user, filter, entries::add);
        return entries;
    }

    @Transactional
    @PreAuthorize("hasRole('MANAGER')")
    public List<CountDiffered> discrepancies(SignedInUser user, ReportFilter filter) {
        trail.record(
                AuditAction.REPORT_VIEWED,
                MedicationReach.target("stock-discrepancies", filter, null),
                Outcome.SUCCESS);
        List<CountDiffered> found = new ArrayList<>();
        differed(user, filter, found::add);
        return found;
    }

    @PreAuthorize("hasRole('MANAGER')")
    public ExportTable registerTable(ReportFilter filter) {
        return new ExportTable(
                "controlled-drug-register",
                "Controlled drug register",
                reach.words(filter, null),
                MedicationReach.codes(filter, null),
                List.of(
                        "Medicine",
                        "Client",
                        "Date",
                        "Time",
                        "Entry",
                        "In",
                        "Out",
                        "Counted",
                        "Balance",
                        "Batch",
                        "Recorded by",
                        "Witness"));
    }

    @PreAuthorize("hasRole('MANAGER')")
    public void registerLines(SignedInUser user, ReportFilter filter, Consumer<List<@Nullable Object>> line) {
        registered(user, filter, entry -> line.accept(entry.cells()));
    }

    @PreAuthorize("hasRole('MANAGER')")
    public ExportTable discrepanciesTable(ReportFilter filter) {
        return new ExportTable(
                "stock-discrepancies",
                "Stock counts that differed from the balance",
                reach.words(filter, null),
                MedicationReach.codes(filter, null),
                List.of(
                        "Client",
                        "Team",
                        "Medicine",
                        "Counted on",
                        "Counted at",
                        "Record held",
                        "Counted",
                        "Difference",
                        "Counted by",
                        "Witness",
                        "What was recorded"));
    }

    @PreAuthorize("hasRole('MANAGER')")
    public void discrepancyLines(SignedInUser user, ReportFilter filter, Consumer<List<@Nullable Object>> line) {
        differed(user, filter, found -> line.accept(found.cells()));
    }

    private void registered(SignedInUser user, ReportFilter filter, Consumer<Entry> each) {
        Instant from = filter.from().atStartOfDay(zone.zone()).toInstant();
        Instant to = filter.to().plusDays(1).atStartOfDay(zone.zone()).toInstant();
        Map<UUID, String> staff = reach.staffNames();
        List<Entry> entries = new ArrayList<>();
        for (ClientRef client : reach.clients(user, filter)) {
            String code = client.code().toString();
            Map<UUID, RegisterLine> before = new HashMap<>();
            for (RegisterLine line : stock.controlledRegister(client)) {
                if (!filter.covers(line.medicineId()) || !line.at().isBefore(to)) {
                    continue;
                }
                if (line.at().isBefore(from)) {
                    before.put(line.medicineId(), line);
                    continue;
                }
                RegisterLine carried = before.remove(line.medicineId());
                if (carried != null) {
                    entries.add(broughtForward(carried, code, filter.from()));
                }
                entries.add(entry(line, code, staff));
            }
            before.values().forEach(carried -> entries.add(broughtForward(carried, code, filter.from())));
        }
        entries.sort(Comparator.comparing(Entry::medicine).thenComparing(Entry::client));
        entries.forEach(each);
    }

    private Entry entry(RegisterLine line, String client, Map<UUID, String> staff) {
        ZonedDateTime at = line.at().atZone(zone.zone());
        BigDecimal quantity = line.quantity();
        UUID witness = line.witness();
        return new Entry(
                line.medicine(),
                client,
                at.toLocalDate(),
                TIME.format(at),
                words(line.entry()),
                quantity.signum() > 0 ? quantity : null,
                quantity.signum() < 0 ? quantity.negate() : null,
                line.counted(),
                line.balance(),
                line.batch() == null ? "" : line.batch(),
                staff.getOrDefault(line.recordedBy(), "a former member of staff"),
                witness == null ? "" : staff.getOrDefault(witness, "a former member of staff"));
    }

    /** The balance before the period, from the last line before it. */
    private static Entry broughtForward(RegisterLine last, String client, LocalDate day) {
        return new Entry(
                last.medicine(),
                client,
                day,
                "",
                "Balance brought forward",
                null,
                null,
                null,
                last.balance(),
                "",
                "",
                "");
    }

    private static String words(StockRecords.Entry entry) {
        return switch (entry) {
            case RECEIVED -> "Received";
            case GIVEN -> "Given";
            case DOSE_CORRECTED -> "Dose corrected";
            case RETURNED -> "Returned to the pharmacy";
            case DESTROYED -> "Destroyed";
            case COUNTED -> "Counted";
        };
    }

    private void differed(SignedInUser user, ReportFilter filter, Consumer<CountDiffered> each) {
        Map<UUID, String> teams = reach.teamNames();
        Map<UUID, String> staff = reach.staffNames();
        for (ClientRef client : reach.clients(user, filter)) {
            for (Discrepancy found : stock.discrepancies(client, filter.from(), filter.to())) {
                if (filter.covers(found.medicineId())) {
                    each.accept(differed(client, teams, staff, found));
                }
            }
        }
    }

    private CountDiffered differed(
            ClientRef client, Map<UUID, String> teams, Map<UUID, String> staff, Discrepancy found) {
        ZonedDateTime at = found.countedAt().atZone(zone.zone());
        UUID witness = found.witness();
        return new CountDiffered(
                client.code().toString(),
                teams.getOrDefault(client.teamId(), ""),
                found.medicine(),
                at.toLocalDate(),
                TIME.format(at),
                found.balance(),
                found.counted(),
                found.difference(),
                staff.getOrDefault(found.countedBy(), "a former member of staff"),
                witness == null ? "" : staff.getOrDefault(witness, "a former member of staff"),
                followUp(found, staff));
    }

    private String followUp(Discrepancy found, Map<UUID, String> staff) {
        UUID by = found.acknowledgedBy();
        Instant at = found.acknowledgedAt();
        if (by == null || at == null) {
            return "Alert not yet acknowledged";
        }
        ZonedDateTime when = at.atZone(zone.zone());
        return "Alert acknowledged by " + staff.getOrDefault(by, "a former member of staff") + " on "
                + Cells.DAY.format(when) + " at " + TIME.format(when);
    }
}
