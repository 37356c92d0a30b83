package org.trackwell.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.support.TrackwellTest;

@TrackwellTest
class HttpsRedirectIT {

    @LocalServerPort
    int httpsPort;

    @Autowired
    HttpsOnlyServer server;

    @Test
    void plainHttpOnlyRedirectsToHttps() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        for (String path : new String[] {"/", "/health", "/api/v1/me"}) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + server.httpPort() + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isBetween(301, 308);
            assertThat(response.headers().firstValue("Location")).hasValue("https://localhost:" + httpsPort + path);
        }
    }
}
