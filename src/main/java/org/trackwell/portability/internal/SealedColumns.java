package org.trackwell.portability.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each module seals a client's free text and identifiers, and at which address (the client it
 * is about and the row), so that the export opens it as the module does. Each table names the SQL
 * expressions, over the table's alias {@code t}, that give the client and the row.
 */
final class SealedColumns {

    /** A table's sealed columns, and how its rows name their client and their address's row. */
    record Sealing(String client, String row, Set<String> columns, Set<String> binary) {

        boolean opens(String column) {
            return columns.contains(column) || binary.contains(column);
        }
    }

    /** A table with nothing sealed. */
    static final Sealing NONE = new Sealing("null::uuid", "null", Set.of(), Set.of());

    private static final Map<String, Sealing> TABLES = Map.ofEntries(
            Map.entry(
                    "client",
                    new Sealing(
                            "t.id",
                            "t.id::text",
                            Set.of(
                                    "reference",
                                    "name",
                                    "date_of_birth",
                                    "nhs_number",
                                    "address",
                                    "email",
                                    "phone",
                                    "demographics_text",
                                    "preferred_name",
                                    "room"),
                            Set.of())),
            Map.entry("client_photo", new Sealing("t.client_id", "t.client_id::text", Set.of(), Set.of("photo"))),
            Map.entry("episode", text("referral_source")),
            Map.entry("client_risk", text("note")),
            Map.entry("client_note", text("text")),
            Map.entry("client_session", text("notes")),
            Map.entry("measure_answer", text("answers")),
            Map.entry(
                    "measure_draft",
                    new Sealing(
                            "t.client_id", "t.session_id::text || '/' || t.measure_id", Set.of("answers"), Set.of())),
            Map.entry(
                    "client_goal_wording",
                    new Sealing(
                            "(select g.client_id from client_goal g where g.tenant_id = t.tenant_id and g.id = t.goal_id)",
                            "t.id::text",
                            Set.of("text"),
                            Set.of())),
            Map.entry("prescription", text("instructions", "prescriber", "prn_indication", "stop_reason")),
            Map.entry("dose_record", text("note", "override_reason", "correction_reason")),
            Map.entry("stock_movement", text("reason")),
            Map.entry("erasure_request", text("reason")),
            Map.entry(
                    "retention_extension",
                    new Sealing("t.client_id", "t.client_id::text", Set.of("reason"), Set.of())));

    private SealedColumns() {}

    static Optional<Sealing> of(String table) {
        return Optional.ofNullable(TABLES.get(table));
    }

    private static Sealing text(String... columns) {
        return new Sealing("t.client_id", "t.id::text", Set.of(columns), Set.of());
    }
}
