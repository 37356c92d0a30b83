package org.trackwell.keys;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.shared.TenantId;

/**
 * Where a sealed value lives: tenant, the client it is about (if any), table, column and row. The
 * address is bound into the ciphertext, so a value copied to any other place no longer opens. A
 * value about a client is sealed under that client's own key, so destroying the key erases it.
 */
public record FieldAddress(TenantId tenant, @Nullable UUID client, String table, String column, String row) {

    /** A field that belongs to the tenant, not to one client (for example a webhook secret). */
    public FieldAddress(TenantId tenant, String table, String column, String row) {
        this(tenant, null, table, column, row);
    }

    public static FieldAddress ofClient(TenantId tenant, UUID client, String table, String column, String row) {
        return new FieldAddress(tenant, client, table, column, row);
    }

    byte[] associatedData() {
        return String.join(
                        "\u0000",
                        "trackwell-field-v1",
                        tenant.toString(),
                        client == null ? "-" : client.toString(),
                        table,
                        column,
                        row)
                .getBytes(StandardCharsets.UTF_8);
    }
}
