package org.trackwell.clients.internal;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.ClientIdentification;
import org.trackwell.clients.ClientIdentity;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.IdentifyingTextGuard;
import org.trackwell.clients.internal.ClientIdentityRows.SealedIdentity;
import org.trackwell.identity.SignedInUser;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.shared.CurrentTenant;

/**
 * Setting and reading one client's identification. How a carer knows they are with the right person on a medication round: a client's preferred
 * name, room or location and photo. Those who may change the client's record set them; everyone
 * who gives the client's medication sees them. All three are sealed under the client's key. The
 * preferred name is a name by design, so only other identifying details in it warn; the room warns
 * like any other free text.
 */
@Service
public class Identification {

    public static final int MAX_PHOTO_BYTES = PhotoCheck.MAX_BYTES;
    static final int MAX_TEXT = 60;

    private final ClientIdentification identification;
    private final ClientIdentityRows rows;
    private final PhotoRows photos;
    private final FieldEncryption encryption;
    private final IdentifyingTextGuard guard;
    private final AuditTrail trail;
    private final Clock clock;

    Identification(
            ClientIdentification identification,
            ClientIdentityRows rows,
            PhotoRows photos,
            FieldEncryption encryption,
            IdentifyingTextGuard guard,
            AuditTrail trail,
            Clock clock) {
        this.identification = identification;
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
        return identification.ofClients(Set.of(client.id())).getOrDefault(client.id(), ClientIdentity.NONE);
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
        return of(client);
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

    private static @Nullable String text(String label, @Nullable String value) {
        String text = ClientFields.blankToNull(value);
        if (text != null && text.length() > MAX_TEXT) {
            throw new ClientDetailsInvalid(label + " can be at most " + MAX_TEXT + " characters.");
        }
        return text;
    }

    private static FieldAddress address(UUID client, String column) {
        return FieldAddress.ofClient(CurrentTenant.require(), client, "client", column, client.toString());
    }

    private static FieldAddress photoAddress(UUID client) {
        return FieldAddress.ofClient(CurrentTenant.require(), client, "client_photo", "photo", client.toString());
    }
}
