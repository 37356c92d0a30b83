package org.trackwell.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.identity.ApiScope;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/** The tables {@code api_client} and {@code api_client_key}, within the current tenant. */
@Repository
public class ApiClientRows {

    private final JdbcClient jdbc;

    ApiClientRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A key as the filter checks it, with its account. */
    public record LiveKey(String secretHash, @Nullable Instant retiresAt, ApiClient client) {}

    public void insert(TenantId tenant, UUID id, NewApiClient client, Instant expiresAt, Instant now, UserId by) {
        jdbc.sql("""
                        insert into api_client (tenant_id, id, name, scopes, teams, calls_per_minute, expires_at,
                                                created_at, created_by)
                        values (:tenant, :id, :name, :scopes, :teams, :calls, :expires, :now, :by)""")
                .param("tenant", tenant.value())
                .param("id", id)
                .param("name", client.name().strip())
                .param(
                        "scopes",
                        client.scopes().stream().map(ApiScope::code).sorted().toArray(String[]::new))
                .param("teams", client.teams().toArray(UUID[]::new))
                .param("calls", client.callsPerMinute())
                .param("expires", Timestamp.from(expiresAt))
                .param("now", Timestamp.from(now))
                .param("by", by.value())
                .update();
    }

    public void insertKey(TenantId tenant, UUID key, UUID client, String secretHash, Instant now) {
        jdbc.sql("""
                        insert into api_client_key (tenant_id, id, client_id, secret_hash, created_at)
                        values (:tenant, :key, :client, :hash, :now)""")
                .param("tenant", tenant.value())
                .param("key", key)
                .param("client", client)
                .param("hash", secretHash)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Every key of the client still working after {@code until} stops then. */
    public void retireKeys(UUID client, Instant until) {
        jdbc.sql("""
                        update api_client_key set retires_at = :until
                        where client_id = :client and (retires_at is null or retires_at > :until)""")
                .param("client", client)
                .param("until", Timestamp.from(until))
                .update();
    }

    public void revoke(UUID client, Instant now) {
        jdbc.sql("update api_client set revoked_at = :now where id = :client and revoked_at is null")
                .param("client", client)
                .param("now", Timestamp.from(now))
                .update();
    }

    public List<ApiClient> all() {
        return jdbc
                .sql("select * from api_client order by created_at, id")
                .query((row, n) -> client(row))
                .list()
                .stream()
                .map(this::withKeys)
                .toList();
    }

    public Optional<ApiClient> find(UUID id) {
        return jdbc.sql("select * from api_client where id = :id")
                .param("id", id)
                .query((row, n) -> client(row))
                .optional()
                .map(this::withKeys);
    }

    public Optional<LiveKey> key(UUID key) {
        return jdbc.sql("""
                        select k.secret_hash, k.retires_at, c.*
                        from api_client_key k join api_client c on c.tenant_id = k.tenant_id and c.id = k.client_id
                        where k.id = :key""")
                .param("key", key)
                .query((row, n) -> new LiveKey(row.getString("secret_hash"), instant(row, "retires_at"), client(row)))
                .optional();
    }

    private ApiClient withKeys(ApiClient client) {
        List<ApiClient.Key> keys = jdbc.sql("""
                        select id, created_at, retires_at from api_client_key
                        where client_id = :client order by created_at desc, id""")
                .param("client", client.id())
                .query((row, n) -> new ApiClient.Key(
                        row.getObject("id", UUID.class),
                        row.getTimestamp("created_at").toInstant(),
                        instant(row, "retires_at")))
                .list();
        return new ApiClient(
                client.id(),
                client.name(),
                client.scopes(),
                client.teams(),
                client.callsPerMinute(),
                client.expiresAt(),
                client.createdAt(),
                client.revokedAt(),
                keys);
    }

    private static ApiClient client(ResultSet row) throws SQLException {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (Object code : array(row.getArray("scopes"))) {
            ApiScope.ofCode((String) code).ifPresent(scopes::add);
        }
        Set<UUID> teams = new LinkedHashSet<>();
        for (Object team : array(row.getArray("teams"))) {
            teams.add((UUID) team);
        }
        return new ApiClient(
                row.getObject("id", UUID.class),
                row.getString("name"),
                Set.copyOf(scopes),
                Set.copyOf(teams),
                row.getInt("calls_per_minute"),
                row.getTimestamp("expires_at").toInstant(),
                row.getTimestamp("created_at").toInstant(),
                instant(row, "revoked_at"),
                new ArrayList<>());
    }

    private static List<Object> array(Array array) throws SQLException {
        return Arrays.asList((Object[]) array.getArray());
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
