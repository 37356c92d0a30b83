package org.trackwell.clients;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.clients.internal.ClientIdentityRows;
import org.trackwell.clients.internal.PhotoRows;
import org.trackwell.keys.EncryptedText;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.shared.CurrentTenant;

/**
 * How a carer knows they are with the right person on a medication round: a client's preferred
 * name, room or location and whether a photo is on file, sealed under the client's key. The
 * clients module's own pages set them ({@code internal.Identification}).
 */
@Service
public class ClientIdentification {

    private final ClientIdentityRows rows;
    private final PhotoRows photos;
    private final FieldEncryption encryption;

    ClientIdentification(ClientIdentityRows rows, PhotoRows photos, FieldEncryption encryption) {
        this.rows = rows;
        this.photos = photos;
        this.encryption = encryption;
    }

    /**
     * For the medication round, which has found the clients within the user's reach and records
     * that it showed them: their identification, opened, by client.
     */
    @Transactional(readOnly = true)
    public Map<UUID, ClientIdentity> ofClients(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Set<UUID> withPhoto = photos.withPhoto(ids);
        Map<UUID, ClientIdentity> found = new HashMap<>();
        rows.identities(ids)
                .forEach((id, stored) -> found.put(
                        id,
                        new ClientIdentity(
                                opened(id, "preferred_name", stored.preferredName()),
                                opened(id, "room", stored.room()),
                                withPhoto.contains(id))));
        return found;
    }

    private @Nullable String opened(UUID client, String column, @Nullable EncryptedText text) {
        return text == null ? null : encryption.open(address(client, column), text);
    }

    private static FieldAddress address(UUID client, String column) {
        return FieldAddress.ofClient(CurrentTenant.require(), client, "client", column, client.toString());
    }
}
