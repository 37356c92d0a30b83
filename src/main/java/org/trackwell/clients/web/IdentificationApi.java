package org.trackwell.clients.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientIdentity;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ReachedClient;
import org.trackwell.clients.ReachedClient.Need;
import org.trackwell.clients.internal.Identification;
import org.trackwell.identity.SignedInUser;

/** A client's preferred name, room and photo: what a carer checks on a medication round. */
@RestController
@RequestMapping("/api/v1/clients/{code}")
class IdentificationApi {

    private final Identification identification;

    IdentificationApi(Identification identification) {
        this.identification = identification;
    }

    record IdentityRequest(
            @Nullable @Size(max = 60) String preferredName,
            @Nullable @Size(max = 60) String room,
            @Nullable Boolean acknowledgeIdentifying) {}

    /** How carers know the client on a round; like the record it comes from, it never prints. */
    record IdentityView(
            @Nullable String preferredName, @Nullable String room, boolean photo) {

        static IdentityView of(ClientIdentity identity) {
            return new IdentityView(identity.preferredName(), identity.room(), identity.photo());
        }

        @Override
        public String toString() {
            return "IdentityView[***]";
        }
    }

    @GetMapping("/identification")
    IdentityView identification(
            @ReachedClient(value = Need.MEDICATION_RECORD, viewed = AuditAction.CLIENT_IDENTIFICATION_VIEWED)
                    ClientRef client) {
        return IdentityView.of(identification.of(client));
    }

    /** Replaces the preferred name and room; one left out or blank is cleared. */
    @PutMapping("/identification")
    IdentityView change(@ReachedClient ClientRef client, @Valid @RequestBody IdentityRequest body) {
        return IdentityView.of(identification.change(
                client, body.preferredName(), body.room(), Boolean.TRUE.equals(body.acknowledgeIdentifying())));
    }

    @GetMapping("/photo")
    ResponseEntity<byte[]> photo(
            @ReachedClient(value = Need.MEDICATION_RECORD, viewed = AuditAction.CLIENT_PHOTO_VIEWED) ClientRef client) {
        return Photos.response(identification.photo(client));
    }

    /** The body is the image itself, a JPEG or PNG of at most 2 MB. */
    @PutMapping("/photo")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePhoto(
            @AuthenticationPrincipal SignedInUser user, @ReachedClient ClientRef client, HttpServletRequest request)
            throws IOException {
        identification.changePhoto(user, client, Photos.read(request.getInputStream()));
    }

    @DeleteMapping("/photo")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removePhoto(@ReachedClient ClientRef client) {
        identification.removePhoto(client);
    }
}
