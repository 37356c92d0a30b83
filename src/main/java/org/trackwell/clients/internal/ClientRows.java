package org.trackwell.clients.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
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
import org.trackwell.clients.CaseloadFilter;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ClientSummary;
import org.trackwell.clients.EpisodeStage;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.clients.RetentionFacts;
import org.trackwell.clients.RiskLevel;
import org.trackwell.clients.internal.ClientRecord.Access;
import org.trackwell.keys.EncryptedText;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

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

    private static final String REACH = """
            ((:practitioner and exists (select 1 from client_allocation a where a.client_id = c.id and a.user_id = :user))
             or (:manager and c.team_id = any(:teams)) or (:carer and c.team_id = any(:teams)))""";

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
        return jdbc.sql("select c.*, " + ACCESS + " from client c where c.code = :code and " + REACH)
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
        return jdbc.sql("select c.*, " + ACCESS + " from client c where " + field.column + " = :index and " + REACH
                        + " order by c.created_at desc limit 20")
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

    /** Where a client stands in the caseload's order (newest first): where the next page starts. */
    public record Position(Instant createdAt, UUID id) {}

    /** The position of the client with this code, if within reach. */
    public Optional<Position> position(PseudonymCode code, Reach reach) {
        return jdbc.sql("select c.created_at, c.id from client c where c.code = :code and " + REACH)
                .param("code", code.value())
                .params(reach.parameters())
                .query((row, n) ->
                        new Position(row.getTimestamp("created_at").toInstant(), row.getObject("id", UUID.class)))
                .optional();
    }

    public List<ClientSummary> caseload(Reach reach, CaseloadFilter filter, int limit, long offset) {
        return caseload(reach, filter, limit, offset, null);
    }

    /**
     * A page of the caseload, newest first: from {@code offset}, or just after {@code after}. With
     * {@code after} the walk of the index starts at that client instead of counting its way
     * there, so a page deep in the list costs what the first one does.
     */
    public List<ClientSummary> caseload(
            Reach reach, CaseloadFilter filter, int limit, long offset, @Nullable Position after) {
        // The page is chosen first, walking the clients newest first, with episodes tested by
        // indexed semi-joins; only that page is then joined with its current episode.
        return jdbc.sql("""
                select c.id, c.code, c.team_id, c.risk_level, c.erased_at, c.erased_by_request, e.id as episode_id,
                  e.stage, e.closed_on
                from (select c.id, c.code, c.team_id, c.risk_level, c.created_at, c.erased_at, c.erased_by_request
                      from client c
                      where\s""" + REACH + """
                        and (cast(:team as uuid) is null or c.team_id = :team)
                        and c.created_at <= coalesce(cast(:afterAt as timestamptz), 'infinity')
                        and (cast(:afterAt as timestamptz) is null or c.created_at < :afterAt or c.id > :afterId)
                        and (cast(:allocatedTo as uuid) is null or exists (select 1 from client_allocation a
                             where a.client_id = c.id and a.user_id = :allocatedTo))
                        and (cast(:status as text) is null
                             or (:status = 'OPEN' and c.open_episode)
                             or (:status = 'CLOSED' and not c.open_episode
                                 and exists (select 1 from episode o where o.client_id = c.id))
                             or (:status = 'NONE' and not exists (select 1 from episode o where o.client_id = c.id)))
                      order by c.created_at desc, c.id
                      limit :limit offset :offset) c
                left join lateral (select * from episode e where e.client_id = c.id
                                   order by (e.closed_on is null) desc, e.referred_on desc limit 1) e on true
                order by c.created_at desc, c.id""")
                .params(reach.parameters())
                .param("team", filter.team())
                .param("allocatedTo", filter.practitioner())
                .param("status", filter.episodeStatus())
                .param("limit", limit)
                .param("offset", offset)
                .param("afterAt", after == null ? null : Timestamp.from(after.createdAt()))
                .param("afterId", after == null ? null : after.id())
                .query((row, n) -> new ClientSummary(
                        row.getObject("id", UUID.class),
                        new PseudonymCode(row.getString("code")),
                        row.getObject("team_id", UUID.class),
                        RiskLevel.valueOf(row.getString("risk_level")),
                        row.getObject("episode_id", UUID.class),
                        row.getString("stage") == null ? null : EpisodeStage.valueOf(row.getString("stage")),
                        row.getString("stage") != null && row.getDate("closed_on") == null,
                        row.getTimestamp("erased_at") == null
                                ? null
                                : row.getTimestamp("erased_at").toInstant(),
                        row.getObject("erased_by_request", Integer.class)))
                .list();
    }

    /** How many clients these teams have, how many are in an open episode, and which have no practitioner. */
    public TeamFigures teamFigures(UUID[] teams) {
        record Counts(int clients, int open) {}
        Counts counts = jdbc.sql("""
                select count(*) as clients, count(*) filter (where c.open_episode) as open
                from client c where c.team_id = any(:teams)""")
                .param("teams", teams)
                .query((row, n) -> new Counts(row.getInt("clients"), row.getInt("open")))
                .single();
        List<PseudonymCode> unallocated = jdbc.sql("""
                select c.code from client c where c.team_id = any(:teams)
                  and not exists (select 1 from client_allocation a where a.client_id = c.id)
                order by c.created_at limit 50""")
                .param("teams", teams)
                .query((row, n) -> new PseudonymCode(row.getString(1)))
                .list();
        return new TeamFigures(counts.clients(), counts.open(), unallocated);
    }

    /** A client's preferred name and room, sealed; either may be missing. */
    public record SealedIdentity(
            @Nullable EncryptedText preferredName, @Nullable EncryptedText room) {}

    public void changeIdentity(UUID client, SealedIdentity identity) {
        jdbc.sql("update client set preferred_name = :name, room = :room where id = :client")
                .param("name", bytes(identity.preferredName()))
                .param("room", bytes(identity.room()))
                .param("client", client)
                .update();
    }

    /** The preferred names and rooms of these clients, by client. */
    public Map<UUID, SealedIdentity> identities(Collection<UUID> clients) {
        Map<UUID, SealedIdentity> found = new HashMap<>();
        jdbc.sql("select id, preferred_name, room from client where id = any(:clients)")
                .param("clients", clients.toArray(UUID[]::new))
                .query(row -> {
                    found.put(
                            row.getObject("id", UUID.class),
                            new SealedIdentity(sealed(row.getBytes("preferred_name")), sealed(row.getBytes("room"))));
                });
        return found;
    }

    private static @Nullable EncryptedText sealed(byte @Nullable [] bytes) {
        return bytes == null ? null : new EncryptedText(bytes);
    }

    public List<UserId> practitioners(UUID client) {
        return jdbc.sql("select user_id from client_allocation where client_id = :client order by allocated_at")
                .param("client", client)
                .query((row, n) -> new UserId(row.getObject(1, UUID.class)))
                .list();
    }

    public void allocate(TenantId tenant, UUID client, List<UserId> practitioners, Instant now) {
        jdbc.sql("delete from client_allocation where client_id = :client and not (user_id = any(:keep))")
                .param("client", client)
                .param("keep", practitioners.stream().map(UserId::value).toArray(UUID[]::new))
                .update();
        practitioners.forEach(user -> jdbc.sql("""
                        insert into client_allocation (tenant_id, client_id, user_id, allocated_at)
                        values (:tenant, :client, :user, :now) on conflict do nothing""")
                .param("tenant", tenant.value())
                .param("client", client)
                .param("user", user.value())
                .param("now", Timestamp.from(now))
                .update());
    }

    /** How many other clients with an open episode are allocated to {@code user}. */
    public long openCasesOf(UserId user, UUID exceptClient) {
        return jdbc.sql("""
                select count(distinct a.client_id) from client_allocation a
                join episode e on e.client_id = a.client_id and e.closed_on is null
                where a.user_id = :user and a.client_id <> :client""")
                .param("user", user.value())
                .param("client", exceptClient)
                .query(Long.class)
                .single();
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
