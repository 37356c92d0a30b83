package org.trackwell.keys;

import java.nio.charset.StandardCharsets;
import org.trackwell.shared.TenantId;

/**
 * Where a sealed value lives: tenant, table, column and row. The address is bound into the
 * ciphertext, so a value copied to any other place no longer opens.
 */
public record FieldAddress(TenantId tenant, String table, String column, String row) {

    byte[] associatedData() {
        return String.join("\u0000", "trackwell-field-v1", tenant.toString(), table, column, row)
                .getBytes(StandardCharsets.UTF_8);
    }
}
