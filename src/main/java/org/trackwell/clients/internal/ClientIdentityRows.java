package org.trackwell.clients.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.keys.EncryptedText;

/** The SQL of the preferred name and room that identify a client to the people caring for them. */
@Repository
public class ClientIdentityRows {

    /** A client's preferred name and room, sealed; either may be missing. */
    public record SealedIdentity(
            @Nullable EncryptedText preferredName, @Nullable EncryptedText room) {}

    private final JdbcClient jdbc;

    ClientIdentityRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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

    private static byte @Nullable [] bytes(@Nullable EncryptedText text) {
        return text == null ? null : text.ciphertext();
    }
}
