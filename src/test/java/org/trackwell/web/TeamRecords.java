package org.trackwell.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.trackwell.support.Api;
import org.trackwell.support.TestImages;
import org.trackwell.web.Targets.Ref;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes one team's records through the API, as its people would: clients, episodes, sessions and
 * the rest as a clinician of the team, and reads the team's alerts as its manager.
 */
final class TeamRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId SERVICE_ZONE = ZoneId.of("Europe/London");

    private final Api tenant;
    private final String clinician;
    private final String manager;
    private final UUID team;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    TeamRecords(Api tenant, String clinician, String manager, UUID team) {
        this.tenant = tenant;
        this.clinician = clinician;
        this.manager = manager;
        this.team = team;
    }

    /** A client with everything a route can name, and the user and passkey given. */
    Targets things(String medicine, String measure, String user, @Nullable String passkey) {
        String code = client();
        Map<Ref, String> refs = new EnumMap<>(Ref.class);
        refs.put(Ref.CLIENT, code);
        refs.put(Ref.TEAM, team.toString());
        refs.put(Ref.EPISODE, episode(code));
        refs.put(Ref.SESSION, session(code));
        refs.put(Ref.GOAL, problem(code));
        refs.put(Ref.MEASURE_TOKEN, measureLink(code, refs.get(Ref.SESSION)));
        refs.putAll(chartLink(code).refs());
        refs.put(Ref.MEDICINE, medicine);
        refs.put(Ref.MEASURE, measure);
        refs.put(Ref.PRESCRIPTION, prescription(code, medicine));
        refs.put(Ref.DOSE, dose(code, refs.get(Ref.PRESCRIPTION)));
        post("/api/v1/clients/" + code + "/stock/receipts", Map.of("medicineId", medicine, "quantity", 1000));
        refs.put(Ref.FLAG, flag(code));
        refs.put(Ref.ALERT, alert(code, medicine));
        refs.put(Ref.USER, user);
        if (passkey != null) {
            refs.put(Ref.PASSKEY, passkey);
        }
        return Targets.of(refs);
    }

    String client() {
        return post("/api/v1/clients", Map.of("teamId", team)).get("code").asString();
    }

    String episode(String code) {
        return post(
                        "/api/v1/clients/" + code + "/episodes",
                        Map.of("referredOn", LocalDate.now(SERVICE_ZONE).minusDays(30)))
                .get("id")
                .asString();
    }

    void closeEpisode(String code, String episode) {
        post(
                "/api/v1/clients/" + code + "/episodes/" + episode + "/close",
                Map.of("closedOn", LocalDate.now(SERVICE_ZONE), "planned", true, "reason", "COMPLETED"));
    }

    /** A session an hour ago that the client attended, with PHQ-9 and GAD-7 planned. */
    String session(String code) {
        return post(
                        "/api/v1/clients/" + code + "/sessions",
                        Map.of(
                                "startsAt",
                                Instant.now().minus(Duration.ofHours(1)).toString(),
                                "type",
                                "TREATMENT",
                                "mode",
                                "FACE_TO_FACE",
                                "attendance",
                                "ATTENDED",
                                "measures",
                                List.of("PHQ-9", "GAD-7")))
                .get("id")
                .asString();
    }

    String problem(String code) {
        return post(
                        "/api/v1/clients/" + code + "/goals",
                        Map.of("kind", "PROBLEM", "wording", "Sleeping badly", "duration", "UNDER_A_MONTH"))
                .get("id")
                .asString();
    }

    Targets chartLink(String code) {
        JsonNode link = post("/api/v1/clients/" + code + "/chart-links", Map.of());
        String url = link.get("url").asString();
        return Targets.of(Map.of(
                Ref.CHART_LINK, link.get("id").asString(),
                Ref.CHART_TOKEN, url.substring(url.lastIndexOf('/') + 1),
                Ref.CHART_PIN, link.get("pin").asString()));
    }

    String measureLink(String code, String session) {
        String url = post(
                        "/api/v1/clients/" + code + "/sessions/" + session + "/links",
                        Map.of("measures", List.of("PHQ-9")))
                .get("url")
                .asString();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** An as-needed prescription with no least interval, so that any number of doses may be given. */
    String prescription(String code, String medicine) {
        return post(
                        "/api/v1/clients/" + code + "/prescriptions",
                        Map.of(
                                "medicineId",
                                medicine,
                                "dose",
                                1,
                                "unit",
                                "tablet",
                                "startsOn",
                                LocalDate.now(SERVICE_ZONE).minusDays(7),
                                "prescriber",
                                "Dr Matrix",
                                "kind",
                                "PRN",
                                "prn",
                                Map.of(
                                        "indication", "Pain",
                                        "minDose", 1,
                                        "maxDose", 2,
                                        "minIntervalMinutes", 0,
                                        "maxDosesPerDay", 10_000)))
                .get("id")
                .asString();
    }

    String dose(String code, String prescription) {
        return post(
                        "/api/v1/clients/" + code + "/doses",
                        Map.of(
                                "prescriptionId",
                                prescription,
                                "outcome",
                                "GIVEN",
                                "amount",
                                1,
                                "personConfirmed",
                                true))
                .get("id")
                .asString();
    }

    /** Gives the client a photo, as their clinician does. */
    void photo(String code) {
        HttpResponse<String> response = tenant.https()
                .send(tenant.https()
                        .request(
                                tenant.host(),
                                "/api/v1/clients/" + code + "/photo",
                                "Authorization",
                                "Bearer " + clinician)
                        .header("Content-Type", "image/png")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(TestImages.png(4, 4)))
                        .build());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("photo not saved: " + response.statusCode() + " " + response.body());
        }
    }

    /** A flag raised by an answer to PHQ-9's item about self-harm. */
    String flag(String code) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int item = 1; item <= 9; item++) {
            answers.put(Integer.toString(item), item == 9 ? 1 : 0);
        }
        post(
                "/api/v1/clients/" + code + "/sessions/" + session(code) + "/measures",
                Map.of("measure", "PHQ-9", "answers", answers));
        return newest(tenant.get("/api/v1/clients/" + code + "/flags", clinician));
    }

    /** An alert raised by a stock count that does not match the record. */
    String alert(String code, String medicine) {
        post("/api/v1/clients/" + code + "/stock/counts", Map.of("medicineId", medicine, "counted", 99_999));
        return newest(tenant.get("/api/v1/medication/alerts", manager));
    }

    private String newest(HttpResponse<String> list) {
        for (JsonNode item : created(list)) {
            if (seen.add(item.get("id").asString())) {
                return item.get("id").asString();
            }
        }
        throw new IllegalStateException("nothing new in " + list.body());
    }

    private JsonNode post(String path, Object body) {
        return created(tenant.post(path, Api.json(body), clinician));
    }

    /** The response's body, failing the set-up if the request did not succeed. */
    static JsonNode created(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "setting up the matrix failed: " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : Api.read(response);
    }
}
