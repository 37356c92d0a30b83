package org.trackwell.clients.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.clients.RetentionFacts;
import org.trackwell.clients.RiskLevel;
import org.trackwell.clients.internal.ClientRecord.Access;
import org.trackwell.keys.EncryptedText;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/**
 * The SQL of a client's own row: adding, finding, changing and erasing it. The caseload's lists
 * are {@link CaseloadRows}, the practitioners allocated {@link AllocationRows}, the preferred name
 * and room {@link ClientIdentityRows}.
 */
@Repository
public class ClientRows {

    /**
     * A new client's row: every identifying value already sealed.
     *
     * @param demographicsJson the demographics chosen from fixed choices, and the year of birth
     * @param demographicsText the demographics typed as free text, as sealed JSON
     */
    public record NewRow(
            UUID id,
            PseudonymCode code,
            UUID teamId,
            @Nullable EncryptedText reference,
            @Nullable String referenceIndex,
            String demographicsJson,
            @Nullable EncryptedText demographicsText,
            Map<Identifier, EncryptedText> identifiers,
            @Nullable String nhsNumberIndex,
            @Nullable String emailIndex) {}

    private static final String ACCESS = """
            case when (:practitioner and exists (select 1 from client_allocation a
                         where a.client_id = c.id and a.user_id = :user))
                   or (:manager and c.team_id = any(:teams)) then 'FULL' else 'MEDICATION' end as access""";

    private final JdbcClient jdbc;

    ClientRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the client unless its code is taken; false means choose another code. */
    public boolean insert(TenantId tenant, NewRow row, UserId by, Instant now) {
        return jdbc.sql("""
                        insert into client (tenant_id, id, code, team_id, reference, reference_index, demographics,
                          demographics_text, name, date_of_birth, nhs_number, nhs_number_index, address, email,
                          email_index, phone, created_at, created_by)
                        values (:tenant, :id, :code, :team, :reference, :referenceIndex, cast(:demographics as jsonb),
                          :demographicsText, :name, :dob, :nhs, :nhsIndex, :address, :email, :emailIndex, :phone,
                          :now, :by)
                        on conflict (tenant_id, code) do nothing""")
                        .param("tenant", tenant.value())
                        .param("id", row.id())
                        .param("code", row.code().value())
                        .param("team", row.teamId())
                        .params(sealedColumns(row))
                        .param("now", Timestamp.from(now))
                        .param("by", by.value())
                        .update()
                == 1;
    }

    /** Replaces the reference, demographics and identifiers (sealed, with their indexes). */
    public void update(NewRow row) {
        jdbc.sql("""
                update client set reference = :reference, reference_index = :referenceIndex,
                  demographics = cast(:demographics as jsonb), demographics_text = :demographicsText,
                  name = :name, date_of_birth = :dob,
                  nhs_number = :nhs, nhs_number_index = :nhsIndex, address = :address, email = :email,
                  email_index = :emailIndex, phone = :phone
                where id = :id""").param("id", row.id()).params(sealedColumns(row)).update();
    }

    public Optional<StoredClient> find(PseudonymCode code, Reach reach) {
        return jdbc.sql("select c.*, " + ACCESS + " from client c where c.code = :code and " + Reach.CONDITION)
                .param("code", code.value())
                .params(reach.parameters())
                .query(ClientRows::stored)
                .optional();
    }

    public Set<UUID> erased() {
        return Set.copyOf(jdbc.sql("select id from client where erased_at is not null")
                .query((row, n) -> row.getObject(1, UUID.class))
                .list());
    }

    /** A client by code, whatever its reach: for the admin who names a client to erase. */
    public Optional<StoredClient> findAnyone(PseudonymCode code) {
        return jdbc.sql("select c.*, 'FULL' as access from client c where c.code = :code")
                .param("code", code.value())
                .query(ClientRows::stored)
                .optional();
    }

    /** For retention: every client not erased, with the year of birth if recorded and the last contact. */
    public List<RetentionFacts> retentionFacts() {
        return jdbc.sql("""
                select c.id, c.code, c.team_id,
                  case when c.demographics->>'YEAR_OF_BIRTH' ~ '^[0-9]{4}$'
                       then (c.demographics->>'YEAR_OF_BIRTH')::int end as year_of_birth,
                  greatest(c.created_at::date,
                    (select max(greatest(e.referred_on, e.closed_on)) from episode e where e.client_id = c.id),
                    (select max(n.written_at)::date from client_note n where n.client_id = c.id)) as last_contact
                from client c where c.erased_at is null order by c.code""")
                .query((row, n) -> new RetentionFacts(
                        new ClientRef(
                                row.getObject("id", UUID.class),
                                new PseudonymCode(row.getString("code")),
                                row.getObject("team_id", UUID.class)),
                        row.getObject("year_of_birth", Integer.class),
                        row.getObject("last_contact", LocalDate.class)))
                .list();
    }

    /** Whether a client with this code exists in the tenant, whoever may see it. */
    public boolean exists(PseudonymCode code) {
        return jdbc.sql("select exists (select 1 from client where code = :code)")
                .param("code", code.value())
                .query(Boolean.class)
                .single();
    }

    /** A client by id, whatever its reach: for work done without a user. */
    public Optional<StoredClient> findById(UUID id) {
        return jdbc.sql("select c.*, 'FULL' as access from client c where c.id = :id")
                .param("id", id)
                .query(ClientRows::stored)
                .optional();
    }

    /** Clients in reach whose blind index in {@code column} equals {@code index}. */
    public List<StoredClient> findByIndex(IndexedField field, String index, Reach reach) {
        return jdbc.sql("select c.*, " + ACCESS + " from client c where " + field.column + " = :index and "
                        + Reach.CONDITION + " order by c.created_at desc limit 20")
                .param("index", index)
                .params(reach.parameters())
                .query(ClientRows::stored)
                .list();
    }

    /** The columns that hold blind indexes, each searched by exact value. */
    public enum IndexedField {
        REFERENCE("c.reference_index"),
        NHS_NUMBER("c.nhs_number_index"),
        EMAIL("c.email_index");

        private final String column;

        IndexedField(String column) {
            this.column = column;
        }
    }

    public boolean hasOpenEpisode(UUID client) {
        return jdbc.sql("select exists (select 1 from episode where client_id = :client and closed_on is null)")
                .param("client", client)
                .query(Boolean.class)
                .single();
    }

    public void setRisk(UUID client, RiskLevel level) {
        jdbc.sql("update client set risk_level = :level where id = :client")
                .param("level", level.name())
                .param("client", client)
                .update();
    }

    private static StoredClient stored(ResultSet row, int n) throws SQLException {
        Map<Identifier, EncryptedText> identifiers = new EnumMap<>(Identifier.class);
        for (Identifier identifier : Identifier.values()) {
            byte[] ciphertext = row.getBytes(identifier.name().toLowerCase(Locale.ROOT));
            if (ciphertext != null) {
                identifiers.put(identifier, new EncryptedText(ciphertext));
            }
        }
        byte[] reference = row.getBytes("reference");
        byte[] demographicsText = row.getBytes("demographics_text");
        return new StoredClient(
                row.getObject("id", UUID.class),
                new PseudonymCode(row.getString("code")),
                row.getObject("team_id", UUID.class),
                Access.valueOf(row.getString("access")),
                reference == null ? null : new EncryptedText(reference),
                row.getString("demographics"),
                demographicsText == null ? null : new EncryptedText(demographicsText),
                identifiers,
                RiskLevel.valueOf(row.getString("risk_level")),
                tombstone(row));
    }

    private static StoredClient.@Nullable Tombstone tombstone(ResultSet row) throws SQLException {
        Timestamp erasedAt = row.getTimestamp("erased_at");
        return erasedAt == null
                ? null
                : new StoredClient.Tombstone(erasedAt.toInstant(), row.getInt("erased_by_request"));
    }

    /**
     * Leaves only the tombstone of an erased client: the code, team and when, by which request. The
     * blind indexes go (they would match the client's details if typed again) and so do the
     * demographics kept in the clear; everything sealed is left to the destroyed key.
     */
    public void erase(UUID client, int request, Instant at) {
        jdbc.sql("""
                update client set erased_at = :at, erased_by_request = :request, reference_index = null,
                  nhs_number_index = null, email_index = null, demographics = '{}', risk_level = 'NONE'
                where id = :client""")
                .param("at", Timestamp.from(at))
                .param("request", request)
                .param("client", client)
                .update();
    }

    /** The parameters of the columns a client's details are stored in, sealed and indexed. */
    private static Map<String, @Nullable Object> sealedColumns(NewRow row) {
        Map<String, @Nullable Object> columns = new HashMap<>();
        columns.put("reference", bytes(row.reference()));
        columns.put("referenceIndex", row.referenceIndex());
        columns.put("demographics", row.demographicsJson());
        columns.put("demographicsText", bytes(row.demographicsText()));
        columns.put("name", bytes(row.identifiers().get(Identifier.NAME)));
        columns.put("dob", bytes(row.identifiers().get(Identifier.DATE_OF_BIRTH)));
        columns.put("nhs", bytes(row.identifiers().get(Identifier.NHS_NUMBER)));
        columns.put("nhsIndex", row.nhsNumberIndex());
        columns.put("address", bytes(row.identifiers().get(Identifier.ADDRESS)));
        columns.put("email", bytes(row.identifiers().get(Identifier.EMAIL)));
        columns.put("emailIndex", row.emailIndex());
        columns.put("phone", bytes(row.identifiers().get(Identifier.PHONE)));
        return columns;
    }

    private static byte @Nullable [] bytes(@Nullable EncryptedText text) {
        return text == null ? null : text.ciphertext();
    }
}
