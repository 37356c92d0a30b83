package org.trackwell.clients.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.clients.RiskLevel;
import org.trackwell.clients.internal.ClientRecord.Access;
import org.trackwell.keys.EncryptedText;

/**
 * A client row as stored: identifying columns and the demographics typed as free text still sealed;
 * for an erased client, the tombstone.
 */
public record StoredClient(
        UUID id,
        PseudonymCode code,
        UUID teamId,
        Access access,
        @Nullable EncryptedText reference,
        String demographicsJson,
        @Nullable EncryptedText demographicsText,
        Map<Identifier, EncryptedText> identifiers,
        RiskLevel risk,
        @Nullable Tombstone erased) {

    /** When the client's record was erased, and by which erasure request: all that is left of it. */
    public record Tombstone(Instant at, int request) {}

    public StoredClient {
        identifiers = identifiers.isEmpty() ? Map.of() : new EnumMap<>(identifiers);
    }

    @Override
    public String toString() {
        return "StoredClient[code=" + code + "]";
    }
}
