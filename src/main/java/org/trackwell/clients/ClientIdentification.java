package org.trackwell.clients;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.internal.ClientRows;
import org.trackwell.clients.internal.ClientRows.SealedIdentity;
import org.trackwell.clients.internal.PhotoRows;
import org.trackwell.identity.SignedInUser;
import org.trackwell.keys.EncryptedText;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.shared.CurrentTenant;

/**
 * How a carer knows they are with the right person on a medication round: a client's preferred
 * name, room or location and photo. Those who may change the client's record set them; everyone
 * who gives the client's medication sees them. All three are sealed under the client's key. The
 * preferred name is a name by design, so only other identifying details in it warn; the room warns
 * like any other free text.
 */
@Service
public class ClientIdentification {

    public static final int MAX_PHOTO_BYTES = PhotoCheck.MAX_BYTES;
    static final int MAX_TEXT = 60;

    private final ClientRows rows;
    private final PhotoRows photos;
    private final FieldEncryption encryption;
    private final IdentifyingTextGuard guard;
    private final AuditTrail trail;
    private final Clock clock;

    ClientIdentification(
            ClientRows rows,
            PhotoRows photos,
            FieldEncryption encryption,
            IdentifyingTextGuard guard,
            AuditTrail trail,
            Clock clock) {
        this.rows = rows;
        this.photos = photos;
        this.encryption = encryption;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
    }

    /** The client's preferred name and room, and whether there is a photo. */
    @Transactional(readOnly = true)
    public ClientIdentity of(ClientRef client) {
        return ofClients(Set.of(client.id())).getOrDefault(client.id(), ClientIdentity.NONE);
    }

    /** Replaces the preferred name and room (blank clears one); the photo is left as it is. */
    @Transactional
    public ClientIdentity change(
            ClientRef client, @Nullable String preferredName, @Nullable String room, boolean acknowledgeIdentifying) {
        String name = text("The preferred name", preferredName);
        String place = text("The room or location", room);
        guard.check(name, Set.of(IdentifyingText.Kind.NAME), place, acknowledgeIdentifying, client.auditTarget());
        rows.changeIdentity(
                client.id(),
                new SealedIdentity(
                        name == null ? null : encryption.seal(address(client.id(), "preferred_name"), name),
                        place == null ? null : encryption.seal(address(client.id(), "room"), place)));
        trail.record(AuditAction.CLIENT_IDENTIFICATION_CHANGED, client.auditTarget(), Outcome.SUCCESS);
        return ofClients(Set.of(client.id())).getOrDefault(client.id(), ClientIdentity.NONE);
    }

    @Transactional
    public void changePhoto(SignedInUser user, ClientRef client, byte[] image) {
        String type = PhotoCheck.contentType(image);
        photos.save(
                CurrentTenant.require(),
                client.id(),
                type,
                encryption.seal(photoAddress(client.id()), image),
                user.id(),
                clock.instant());
        trail.record(AuditAction.CLIENT_PHOTO_CHANGED, client.auditTarget(), Outcome.SUCCESS);
    }

    @Transactional
    public void removePhoto(ClientRef client) {
        if (!photos.delete(client.id())) {
            throw new ClientChangeRefused("There is no photo to remove.");
        }
        trail.record(AuditAction.CLIENT_PHOTO_REMOVED, client.auditTarget(), Outcome.SUCCESS);
    }

    /** The photo, for anyone who gives the client's medication. */
    @Transactional(readOnly = true)
    public ClientPhoto photo(ClientRef client) {
        PhotoRows.StoredPhoto stored = photos.find(client.id()).orElseThrow(NoPhoto::new);
        return new ClientPhoto(stored.contentType(), encryption.openBytes(photoAddress(client.id()), stored.photo()));
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

    private static @Nullable String text(String label, @Nullable String value) {
        String text = ClientFields.blankToNull(value);
        if (text != null && text.length() > MAX_TEXT) {
            throw new ClientDetailsInvalid(label + " can be at most " + MAX_TEXT + " characters.");
        }
        return text;
    }

    private @Nullable String opened(UUID client, String column, @Nullable EncryptedText text) {
        return text == null ? null : encryption.open(address(client, column), text);
    }

    private static FieldAddress address(UUID client, String column) {
        return FieldAddress.ofClient(CurrentTenant.require(), client, "client", column, client.toString());
    }

    private static FieldAddress photoAddress(UUID client) {
        return FieldAddress.ofClient(CurrentTenant.require(), client, "client_photo", "photo", client.toString());
    }
}
