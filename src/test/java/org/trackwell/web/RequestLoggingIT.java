package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * What people send never reaches the log: not through the application, and not through the
 * container's own notes on requests it could not read.
 */
@TrackwellTest
@ExtendWith(OutputCaptureExtension.class)
class RequestLoggingIT {

    private static final String MARKER = "LOGMARKER";

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Test
    void noRequestCarriesItsInputIntoTheLog(CapturedOutput output) {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "logging");
        String admin = api.signInAsAdmin();
        String host = api.host();
        api.get("/api/v1/medication/round?team=" + MARKER, admin);
        api.get("/api/v1/clients/" + MARKER, admin);
        api.post("/api/v1/clients", "{\"" + MARKER + "\":1}", admin);
        api.login(MARKER + "@x.test\r\n2026-01-01 INFO forged", MARKER);
        for (String request : new String[] {
            "GET /api/v1/" + MARKER + "|x HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
            "GET /api/v1/me?" + MARKER + "=%zz HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
            "GET /api/v1/clients/search?reference=" + MARKER + "%ZZ HTTP/1.1\r\nHost: " + host
                    + "\r\nAuthorization: Bearer " + admin + "\r\n\r\n",
            "GET /api/v1/me HTTP/1.1\r\nHost: " + host + "\r\nX-Note: " + MARKER + "\u0001\r\n\r\n",
            "GET /api/v1/me HTTP/1.1\r\nHost: " + host + "\r\nCookie: a=\"" + MARKER + "\u0001;\r\n\r\n",
            "GET /" + MARKER + "%00 HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
            MARKER + " / HTTP/1.1\r\nHost: " + host + "\r\n\r\n"
        }) {
            new Https(port).sendRaw(request.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"));
        }
        assertThat(output.getAll()).doesNotContain(MARKER);
    }
}
