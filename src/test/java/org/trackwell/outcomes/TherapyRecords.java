package org.trackwell.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.trackwell.support.Api;
import tools.jackson.databind.JsonNode;

/** A practitioner's records over the API: clients, episodes, sessions, and answers given as totals. */
public final class TherapyRecords {

    private static final ZoneId SERVICE_ZONE = ZoneId.of("Europe/London");

    private final Api api;
    private final String team;
    private final String practitioner;
    private final Clock clock;

    public TherapyRecords(Api api, String team, String practitioner, Clock clock) {
        this.api = api;
        this.team = team;
        this.practitioner = practitioner;
        this.clock = clock;
    }

    public String client() {
        HttpResponse<String> created = api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), practitioner);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.read(created).get("code").asString();
    }

    /** Opens an episode referred this many days ago and returns its id. */
    public String openEpisode(String code, int referredDaysAgo) {
        HttpResponse<String> opened = api.post(
                "/api/v1/clients/" + code + "/episodes",
                Api.json(Map.of("referredOn", daysAgo(referredDaysAgo).toString())),
                practitioner);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return Api.read(opened).get("id").asString();
    }

    public void closeEpisode(String code, String episode, int closedDaysAgo) {
        HttpResponse<String> closed = api.post(
                "/api/v1/clients/" + code + "/episodes/" + episode + "/close",
                Api.json(Map.of("closedOn", daysAgo(closedDaysAgo).toString(), "planned", true, "reason", "COMPLETED")),
                practitioner);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    }

    /** Records a session of the given type this many days ago, or a planned one with no attendance. */
    public String session(String code, int daysAgo, String type, @Nullable String attendance) {
        Map<String, Object> body = new HashMap<>();
        body.put("startsAt", at(daysAgo).toString());
        body.put("type", type);
        body.put("mode", "FACE_TO_FACE");
        if (attendance != null) {
            body.put("attendance", attendance);
        }
        HttpResponse<String> created = api.post("/api/v1/clients/" + code + "/sessions", Api.json(body), practitioner);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.read(created).get("id").asString();
    }

    public String attendedSession(String code, int daysAgo) {
        return session(code, daysAgo, "TREATMENT", "ATTENDED");
    }

    HttpResponse<String> answer(String code, String session, String measure, Map<String, ?> answers) {
        return api.post(
                "/api/v1/clients/" + code + "/sessions/" + session + "/measures",
                Api.json(Map.of("measure", measure, "answers", answers)),
                practitioner);
    }

    /** Records a complete answer set to the measure that adds up to {@code total}. */
    public void score(String code, String session, String measure, int total) {
        HttpResponse<String> answered = answer(code, session, measure, totalling(measure, total));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
        assertThat(Api.read(answered).get("total").asDouble()).isEqualTo(total);
    }

    /** Answers filled from the first item, each as high as it goes, until they add up to the total. */
    static Map<String, Integer> totalling(String measure, int total) {
        int items;
        int highest;
        switch (measure) {
            case "PHQ-9" -> {
                items = 9;
                highest = 3;
            }
            case "GAD-7" -> {
                items = 7;
                highest = 3;
            }
            case "PCL-5" -> {
                items = 20;
                highest = 4;
            }
            default -> throw new IllegalArgumentException(measure);
        }
        Map<String, Integer> answers = new LinkedHashMap<>();
        int left = total;
        for (int item = 1; item <= items; item++) {
            int score = Math.min(highest, left);
            answers.put(Integer.toString(item), score);
            left -= score;
        }
        assertThat(left).as("%s cannot total %d", measure, total).isZero();
        return answers;
    }

    JsonNode progress(String code) {
        HttpResponse<String> progress = api.get("/api/v1/clients/" + code + "/progress", practitioner);
        assertThat(progress.statusCode()).as(progress.body()).isEqualTo(200);
        return Api.read(progress);
    }

    /** Every line of the progress caseload, by client code, page after page. */
    Map<String, JsonNode> caseload() {
        Map<String, JsonNode> lines = new HashMap<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response = api.get("/api/v1/progress?page=" + page, practitioner);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = Api.read(response);
            body.get("clients").forEach(line -> lines.put(line.get("code").asString(), line));
            if (!body.get("hasMore").asBoolean()) {
                return lines;
            }
        }
    }

    String page(String path) {
        HttpResponse<String> response =
                api.https().get(api.host(), path, "Cookie", "__Host-trackwell-session=" + practitioner);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** A date in the service's zone, as the service reads referral and session dates. */
    private LocalDate daysAgo(int days) {
        return LocalDate.ofInstant(clock.instant(), SERVICE_ZONE).minusDays(days);
    }

    /**
     * Midday of that date in the service's zone (or now, for today before midday): an instant a
     * whole number of days back would land on another date wherever summer time lies between.
     */
    private Instant at(int daysAgo) {
        Instant midday =
                daysAgo(daysAgo).atTime(LocalTime.NOON).atZone(SERVICE_ZONE).toInstant();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return midday.isAfter(now) ? now : midday;
    }
}
