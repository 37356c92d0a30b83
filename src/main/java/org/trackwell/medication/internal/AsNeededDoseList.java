package org.trackwell.medication.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.clients.ClientRef;
import org.trackwell.medication.AsNeededDoses;

/** A client's as-needed doses given, with their effect and whether the limits were overridden. */
@Service
class AsNeededDoseList implements AsNeededDoses {

    private final JdbcClient jdbc;
    private final PrescriptionRows prescriptions;
    private final Medicines medicines;

    AsNeededDoseList(JdbcClient jdbc, PrescriptionRows prescriptions, Medicines medicines) {
        this.jdbc = jdbc;
        this.prescriptions = prescriptions;
        this.medicines = medicines;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AsNeededDose> of(ClientRef client, LocalDate first, LocalDate last) {
        ZoneId zone = medicines.settings().zone();
        Map<UUID, Medicine> prescribed = prescriptions.ofClient(client.id()).stream()
                .collect(Collectors.toMap(Prescription::id, Prescription::medicine));
        return jdbc.sql("""
                        select d.prescription_id, d.given_at, d.override_reason is not null, e.effect
                        from dose_record d left join prn_effect e on e.dose_record_id = d.id
                        where d.client_id = :client and d.due_at is null and d.outcome = 'GIVEN'
                          and d.given_at >= :from and d.given_at < :to
                          and not exists (select 1 from dose_record c where c.corrects = d.id)
                        order by d.given_at""")
                .param("client", client.id())
                .param("from", Timestamp.from(first.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(last.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((row, n) -> {
                    String effect = row.getString(4);
                    Instant givenAt = row.getTimestamp(2).toInstant();
                    Medicine medicine = Objects.requireNonNull(
                            prescribed.get(row.getObject(1, UUID.class)),
                            "a dose is of one of the client's prescriptions");
                    return new AsNeededDose(
                            medicine.id(),
                            medicine.label(),
                            givenAt,
                            effect == null ? null : Effect.valueOf(effect),
                            row.getBoolean(3));
                })
                .list();
    }
}
