package org.trackwell.portability.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trackwell.keys.CannotOpen;
import org.trackwell.keys.EncryptedText;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.shared.CurrentTenant;
import org.trackwell.shared.TenantId;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The current tenant's rows, table by table, as the database holds them under row-level security,
 * with every sealed value opened: the whole tenant, whichever module owns a table, so that a table
 * added later is in the archive without anyone remembering it. Secrets that are of no use outside
 * this installation (keys, password and token hashes, blind indexes) are left out, with why.
 */
@Component
class TableRows {

    /** Tables left out of the archive, with why. */
    static final Map<String, String> LEFT_OUT = Map.ofEntries(
            Map.entry("tenant_data_key", "the tenant's data keys, wrapped by this installation's master key"),
            Map.entry("client_data_key", "the clients' data keys, wrapped by the tenant's key"),
            Map.entry("user_session", "sign-in sessions (token hashes)"),
            Map.entry("account_setup_token", "set-up and reset links (token hashes)"),
            Map.entry("password_history", "password hashes"),
            Map.entry("totp_factor", "authenticator secrets"),
            Map.entry("recovery_code", "recovery code hashes"),
            Map.entry("sign_in_challenge", "sign-in challenges (token hashes)"),
            Map.entry("passkey_ceremony", "passkey challenges"),
            Map.entry("audit_event", "the audit trail is in audit/, with its seals and checkpoints"),
            Map.entry("audit_seal", "the audit trail is in audit/, with its seals and checkpoints"),
            Map.entry("audit_checkpoint", "the audit trail is in audit/, with its seals and checkpoints"),
            Map.entry(
                    "mail_outbox",
                    "e-mail waiting to be sent again: sealed under this installation's master key, deleted within days"));

    /** Columns left out of every table: hashes and blind indexes, which nothing outside can use. */
    private static final Pattern LEFT_OUT_COLUMN = Pattern.compile(".*_(hash|index)");

    private static final Map<String, String> LEFT_OUT_COLUMNS =
            Map.of("monitoring_webhook.secret", "the webhook's signing secret");

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final FieldEncryption encryption;

    TableRows(JdbcClient jdbc, DataSource dataSource, FieldEncryption encryption) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1_000);
        this.encryption = encryption;
    }

    /** A column the archive holds: its name and PostgreSQL type. */
    record Column(String name, String type) {}

    /** The tables with the tenant's rows that go into the archive, by name. */
    List<String> tables() {
        // By object id, not by name: a check by name could meet another schema's tables first.
        return jdbc.sql("""
                        select c.relname from pg_class c
                        join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                        where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
                          and has_table_privilege(c.oid, 'SELECT')
                        order by c.relname""").query((row, n) -> row.getString(1)).list().stream()
                .filter(table -> !LEFT_OUT.containsKey(table))
                .toList();
    }

    List<Column> columns(String table) {
        return jdbc
                .sql("""
                        select a.attname, format_type(a.atttypid, null) from pg_attribute a
                        where a.attrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident(:table))
                          and a.attnum > 0 and not a.attisdropped
                          and has_column_privilege(a.attrelid, a.attnum, 'SELECT')
                        order by a.attnum""")
                .param("table", table)
                .query((row, n) -> new Column(row.getString(1), row.getString(2)))
                .list()
                .stream()
                .filter(column -> !LEFT_OUT_COLUMN.matcher(column.name()).matches())
                .filter(column -> !LEFT_OUT_COLUMNS.containsKey(table + "." + column.name()))
                .toList();
    }

    /** Writes each of the table's rows as one JSON object; returns how many. */
    long write(String table, Consumer<String> line) {
        long[] count = {0};
        rows(table, "true", List.of(), node -> {
            line.accept(JSON.writeValueAsString(node));
            count[0]++;
        });
        return count[0];
    }

    /**
     * Hands on each of the table's rows that {@code where} picks, as one JSON object. The condition
     * is over the table's alias {@code t}, with {@code ?} for each of {@code args}, and is written
     * by this module, never from a request.
     */
    void rows(String table, String where, List<Object> args, Consumer<ObjectNode> each) {
        TenantId tenant = CurrentTenant.require();
        List<Column> columns = columns(table);
        SealedColumns.Sealing sealing = SealedColumns.of(table).orElse(SealedColumns.NONE);
        List<String> selected = new ArrayList<>();
        columns.forEach(column -> selected.add("t." + quoted(column.name())));
        selected.add(sealing.client() + " as portability_client");
        selected.add(sealing.row() + " as portability_row");
        // Table and column names come from the database's own catalogue, never from a request.
        String sql = "select " + String.join(", ", selected) + " from " + quoted(table) + " t where " + where;
        streaming.query(
                sql,
                row -> {
                    ObjectNode node = JSON.createObjectNode();
                    for (Column column : columns) {
                        value(node, tenant, table, sealing, column, row);
                    }
                    each.accept(node);
                },
                args.toArray());
    }

    private void value(
            ObjectNode node, TenantId tenant, String table, SealedColumns.Sealing sealing, Column column, ResultSet row)
            throws SQLException {
        String name = column.name();
        Object value = row.getObject(name);
        if (value == null) {
            node.putNull(name);
            return;
        }
        switch (column.type()) {
            case "bytea" -> node.put(name, bytes(tenant, table, sealing, name, row));
            case "timestamp with time zone" ->
                node.put(name, row.getTimestamp(name).toInstant().toString());
            case "date" -> node.put(name, row.getDate(name).toLocalDate().toString());
            case "boolean" -> node.put(name, row.getBoolean(name));
            case "smallint", "integer", "bigint", "numeric", "real", "double precision" ->
                node.put(name, row.getBigDecimal(name));
            case "json", "jsonb" -> node.set(name, JSON.readTree(row.getString(name)));
            default -> node.put(name, row.getString(name));
        }
    }

    /** A sealed value opened (binary ones in base64), null if it no longer opens; other bytes in base64. */
    private @Nullable String bytes(
            TenantId tenant, String table, SealedColumns.Sealing sealing, String column, ResultSet row)
            throws SQLException {
        byte[] stored = row.getBytes(column);
        boolean text = sealing.columns().contains(column);
        if (!sealing.opens(column)) {
            return Base64.getEncoder().encodeToString(stored);
        }
        FieldAddress address = FieldAddress.ofClient(
                tenant,
                row.getObject("portability_client", UUID.class),
                table,
                column,
                row.getString("portability_row"));
        try {
            return text
                    ? encryption.open(address, new EncryptedText(stored))
                    : Base64.getEncoder().encodeToString(encryption.openBytes(address, new EncryptedText(stored)));
        } catch (CannotOpen erased) {
            return null;
        }
    }

    static String quoted(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException("unexpected name in the catalogue: " + name);
        }
        return "\"" + name + "\"";
    }
}
