package org.trackwell.portability.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.trackwell.audit.AuditAction;
import org.trackwell.clients.ClientRef;
import org.trackwell.clients.ReachedClient;
import org.trackwell.portability.internal.FhirExports;

/** "Download FHIR record" from the client's page, and every client's from the export page. */
@Controller
class FhirPages {

    private final FhirExports exports;

    FhirPages(FhirExports exports) {
        this.exports = exports;
    }

    @GetMapping("/clients/{code}/fhir")
    void client(
            @ReachedClient(viewed = AuditAction.CLIENT_FHIR_EXPORTED) ClientRef client, HttpServletResponse response) {
        exports.client(client, FhirApi.body(response, "fhir-" + client.code() + ".json"));
    }

    @GetMapping("/admin/export/fhir")
    void tenant(HttpServletResponse response) {
        exports.tenant(() -> FhirApi.body(response, "fhir-all-clients.json"));
    }
}
