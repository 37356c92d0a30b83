package org.trackwell.clients.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.keys.EncryptedText;
import org.trackwell.shared.TenantId;
import org.trackwell.shared.UserId;

/** Clients' photos, sealed under each client's key. */
@Repository
public class PhotoRows {

    /** A photo as stored: its media type in the clear, the image sealed. */
    public record StoredPhoto(String contentType, EncryptedText photo) {}

    private final JdbcClient jdbc;

    PhotoRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(TenantId tenant, UUID client, String contentType, EncryptedText photo, UserId by, Instant now) {
        jdbc.sql("""
                insert into client_photo (tenant_id, client_id, content_type, photo, changed_at, changed_by)
                values (:tenant, :client, :type, :photo, :now, :by)
                on conflict (tenant_id, client_id) do update set content_type = excluded.content_type,
                  photo = excluded.photo, changed_at = excluded.changed_at, changed_by = excluded.changed_by""")
                .param("tenant", tenant.value())
                .param("client", client)
                .param("type", contentType)
                .param("photo", photo.ciphertext())
                .param("now", Timestamp.from(now))
                .param("by", by.value())
                .update();
    }

    public Optional<StoredPhoto> find(UUID client) {
        return jdbc.sql("select content_type, photo from client_photo where client_id = :client")
                .param("client", client)
                .query((row, n) -> new StoredPhoto(row.getString(1), new EncryptedText(row.getBytes(2))))
                .optional();
    }

    /** Whether there was a photo to remove. */
    public boolean delete(UUID client) {
        return jdbc.sql("delete from client_photo where client_id = :client")
                        .param("client", client)
                        .update()
                == 1;
    }

    /** Which of these clients have a photo. */
    public Set<UUID> withPhoto(Collection<UUID> clients) {
        return new HashSet<>(jdbc.sql("select client_id from client_photo where client_id = any(:clients)")
                .param("clients", clients.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }
}
