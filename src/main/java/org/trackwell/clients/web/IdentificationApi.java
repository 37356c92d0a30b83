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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.clients.ClientIdentification;
import org.trackwell.clients.ClientIdentity;
import org.trackwell.identity.SignedInUser;

/** A client's preferred name, room and photo: what a carer checks on a medication round. */
@RestController
@RequestMapping("/api/v1/clients/{code}")
class IdentificationApi {

    private final ClientIdentification identification;

    IdentificationApi(ClientIdentification identification) {
        this.identification = identification;
    }

    record IdentityRequest(
            @Nullable @Size(max = 60) String preferredName,
            @Nullable @Size(max = 60) String room,
            @Nullable Boolean acknowledgeIdentifying) {}

    @GetMapping("/identification")
    ClientIdentity identification(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
        return identification.of(user, code);
    }

    /** Replaces the preferred name and room; one left out or blank is cleared. */
    @PutMapping("/identification")
    ClientIdentity change(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @Valid @RequestBody IdentityRequest body) {
        return identification.change(
                user, code, body.preferredName(), body.room(), Boolean.TRUE.equals(body.acknowledgeIdentifying()));
    }

    @GetMapping("/photo")
    ResponseEntity<byte[]> photo(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
        return Photos.response(identification.photo(user, code));
    }

    /** The body is the image itself, a JPEG or PNG of at most 2 MB. */
    @PutMapping("/photo")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePhoto(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, HttpServletRequest request)
            throws IOException {
        identification.changePhoto(user, code, Photos.read(request.getInputStream()));
    }

    @DeleteMapping("/photo")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removePhoto(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
        identification.removePhoto(user, code);
    }
}
