package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * The API reads and writes JSON only: a body in another format Jackson could read (YAML, CBOR)
 * would pass by the strict JSON reader and its text rules.
 */
@TrackwellTest
class JsonOnlyApiIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    Api api;
    String admin;

    @BeforeEach
    void service() {
        api = Api.newTenant(new Https(port), tenants, accounts, "jsononly");
        admin = api.signInAsAdmin();
    }

    @Test
    void aYamlBodyIsRefusedAndChangesNothing() {
        HttpResponse<String> sent = api.https()
                .send(api.https()
                        .request(
                                api.host(),
                                "/api/v1/teams",
                                "Content-Type",
                                "application/yaml",
                                "Authorization",
                                "Bearer " + admin)
                        .POST(HttpRequest.BodyPublishers.ofString("name: \"Night\\a team\"\nunknown: 1\n"))
                        .build());

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(415);
        assertThat(api.get("/api/v1/teams", admin).body()).doesNotContain("Night");
    }

    @Test
    void anAnswerIsNeverYaml() {
        HttpResponse<String> me = api.https()
                .send(api.https()
                        .request(
                                api.host(),
                                "/api/v1/me",
                                "Accept",
                                "application/yaml",
                                "Authorization",
                                "Bearer " + admin)
                        .GET()
                        .build());

        assertThat(me.statusCode()).isEqualTo(406);
    }
}
