package org.trackwell.portability.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.identity.SignedInUser;
import org.trackwell.portability.internal.ArchiveDownloads;

/** The whole tenant as an encrypted archive, for a tenant admin who has just confirmed who they are. */
@RestController
class TenantArchiveApi {

    /** The password the archive is encrypted with. */
    record ArchiveRequest(@NotBlank @Size(max = 1024) String password) {

        @Override
        public String toString() {
            return "ArchiveRequest[***]";
        }
    }

    private final ArchiveDownloads downloads;

    TenantArchiveApi(ArchiveDownloads downloads) {
        this.downloads = downloads;
    }

    @PostMapping("/api/v1/archive")
    void archive(
            @AuthenticationPrincipal SignedInUser user,
            @Valid @RequestBody ArchiveRequest request,
            HttpServletResponse response) {
        downloads.download(user, request.password(), () -> TenantArchivePages.body(response, downloads.fileName()));
    }
}
