package org.trackwell.portability.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.identity.SignedInUser;
import org.trackwell.portability.internal.SubjectAccessRequests;

/** A subject access request on the API: for a tenant admin who has just confirmed who they are. */
@RestController
class SubjectAccessApi {

    /** The client's pseudonym code, and the password the archive is encrypted with. */
    record SubjectAccessRequest(
            @NotBlank @Size(max = 32) String client,
            @NotBlank @Size(max = 1024) String password) {

        @Override
        public String toString() {
            return "SubjectAccessRequest[" + client + ", ***]";
        }
    }

    private final SubjectAccessRequests requests;

    SubjectAccessApi(SubjectAccessRequests requests) {
        this.requests = requests;
    }

    @PostMapping("/api/v1/subject-access")
    void produce(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @RequestBody SubjectAccessRequest request,
            HttpServletResponse response) {
        requests.produce(
                user,
                request.client(),
                request.password(),
                () -> TenantArchivePages.body(response, fileName(request.client())));
    }

    /** The download's name: by the code as typed, kept to the characters codes are made of. */
    static String fileName(String code) {
        return "subject-access-" + code.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9-]", "") + ".zip.gpg";
    }
}
