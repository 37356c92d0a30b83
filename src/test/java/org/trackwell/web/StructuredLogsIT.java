package org.trackwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trackwell.support.ServiceProcess;
import org.trackwell.support.TestPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The jar as operators run it, with {@code TRACKWELL_LOG_FORMAT=json} and a management port:
 * every line it logs is one JSON object in the Elastic Common Schema, and Prometheus's endpoint
 * answers on the loopback at that port.
 */
class StructuredLogsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void logsOneJsonObjectALineAndServesMetricsOnTheManagementPort() throws Exception {
        int managementPort = TestPostgres.freePort();
        try (ServiceProcess service = ServiceProcess.on(
                                Files.createTempDirectory("trackwell-json-logs").resolve("data"),
                                "TRACKWELL_LOG_FORMAT",
                                "json",
                                "TRACKWELL_MANAGEMENT_PORT",
                                Integer.toString(managementPort))
                        .start();
                HttpClient plain = HttpClient.newHttpClient()) {
            assertThat(service.health().statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = plain.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("hikaricp_connections_active");

            List<String> lines = logLines(service.log());
            assertThat(lines).isNotEmpty();
            for (String line : lines) {
                JsonNode entry = JSON.readTree(line);
                assertThat(entry.has("@timestamp")).as(line).isTrue();
                assertThat(entry.has("log")).as(line).isTrue();
                assertThat(entry.has("message")).as(line).isTrue();
            }
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("Started TrackwellApplication"));
        }
    }

    /**
     * The lines the service logged: not the test's own start markers, and not the first start's
     * notice framed in rules of "=", which is printed for the operator to read, never logged.
     */
    private static List<String> logLines(String output) {
        List<String> lines = new ArrayList<>();
        boolean notice = false;
        for (String line : output.lines().toList()) {
            if (line.matches("=+")) {
                notice = !notice;
            } else if (!notice && !line.isBlank() && !line.startsWith("==== start ")) {
                lines.add(line);
            }
        }
        return lines;
    }
}
