package org.trackwell.medication.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.clients.ClientRef;
import org.trackwell.medication.StockRecords;
import org.trackwell.medication.internal.AlertRows.Acknowledgement;
import org.trackwell.medication.internal.StockRows.StoredMovement;

/** The clients' stock movements with their running balances, as the register and the discrepancies read them. */
@Service
class StockRecordList implements StockRecords {

    private final StockRows rows;
    private final MedicineRows medicines;
    private final AlertRows alerts;
    private final Medicines settings;

    StockRecordList(StockRows rows, MedicineRows medicines, AlertRows alerts, Medicines settings) {
        this.rows = rows;
        this.medicines = medicines;
        this.alerts = alerts;
        this.settings = settings;
    }

    @Override
    @Transactional(readOnly = true)
    public List<MedicineName> medicines() {
        return medicines.list().stream()
                .map(m -> new MedicineName(m.id(), m.label(), m.controlled()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<RegisterLine> controlledRegister(ClientRef client) {
        Map<UUID, String> names = names();
        Set<UUID> corrections = rows.corrections(client.id());
        Map<UUID, BigDecimal> balances = new HashMap<>();
        List<RegisterLine> lines = new ArrayList<>();
        for (StoredMovement stored : rows.movements(client.id(), true)) {
            StockMovement m = stored.movement();
            BigDecimal balance = balances.merge(m.medicineId(), m.quantity(), BigDecimal::add);
            lines.add(new RegisterLine(
                    m.medicineId(),
                    names.getOrDefault(m.medicineId(), ""),
                    m.recordedAt(),
                    corrections.contains(m.id()) ? Entry.DOSE_CORRECTED : entry(m.kind()),
                    m.quantity(),
                    m.counted(),
                    balance,
                    m.batch(),
                    m.recordedBy().value(),
                    m.witness() == null ? null : m.witness().value()));
        }
        lines.sort((a, b) -> a.medicine().compareTo(b.medicine()));
        return lines;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Discrepancy> discrepancies(ClientRef client, LocalDate first, LocalDate last) {
        ZoneId zone = settings.settings().zone();
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        Map<UUID, String> names = names();
        Map<UUID, Acknowledgement> acknowledged = alerts.acknowledgedCounts(client.id()).stream()
                .collect(Collectors.toMap(Acknowledgement::count, Function.identity(), (a, b) -> a));
        Map<UUID, BigDecimal> balances = new HashMap<>();
        List<Discrepancy> found = new ArrayList<>();
        for (StoredMovement stored : rows.movements(client.id(), false)) {
            StockMovement m = stored.movement();
            BigDecimal balance = balances.merge(m.medicineId(), m.quantity(), BigDecimal::add);
            BigDecimal counted = m.counted();
            if (m.kind() != StockMovement.Kind.COUNT
                    || counted == null
                    || counted.compareTo(balance) == 0
                    || m.recordedAt().isBefore(from)
                    || !m.recordedAt().isBefore(to)) {
                continue;
            }
            Acknowledgement ack = acknowledged.get(m.id());
            found.add(new Discrepancy(
                    m.medicineId(),
                    names.getOrDefault(m.medicineId(), ""),
                    m.recordedAt(),
                    balance,
                    counted,
                    m.recordedBy().value(),
                    m.witness() == null ? null : m.witness().value(),
                    ack == null ? null : ack.by(),
                    ack == null ? null : ack.at()));
        }
        return found;
    }

    private Map<UUID, String> names() {
        return medicines.list().stream().collect(Collectors.toMap(Medicine::id, Medicine::label));
    }

    private static Entry entry(StockMovement.Kind kind) {
        return switch (kind) {
            case RECEIPT -> Entry.RECEIVED;
            case ADMINISTRATION -> Entry.GIVEN;
            case RETURN -> Entry.RETURNED;
            case DISPOSAL -> Entry.DESTROYED;
            case COUNT -> Entry.COUNTED;
        };
    }
}
