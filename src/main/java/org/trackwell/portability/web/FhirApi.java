package org.trackwell.portability.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ReachedClient;
import org.trackwell.portability.internal.FhirExports;

/** Clients' records as FHIR R4 Bundles ({@code application/fhir+json}). */
@RestController
class FhirApi {

    static final String FHIR_JSON = "application/fhir+json";

    private final FhirExports exports;

    FhirApi(FhirExports exports) {
        this.exports = exports;
    }

    @GetMapping("/api/v1/clients/{code}/fhir")
    void client(
            @ReachedClient(viewed = AuditAction.CLIENT_FHIR_EXPORTED) ClientRef client, HttpServletResponse response) {
        exports.client(client, body(response, null));
    }

    @GetMapping("/api/v1/fhir")
    void tenant(HttpServletResponse response) {
        exports.tenant(() -> body(response, null));
    }

    /** Starts the response as FHIR JSON, to be downloaded as {@code file} when one is named. */
    static OutputStream body(HttpServletResponse response, @Nullable String file) {
        response.setContentType(FHIR_JSON + ";charset=UTF-8");
        if (file != null) {
            response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        }
        try {
            return response.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
