package org.trackwell.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.MutableClock;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;
import tools.jackson.databind.JsonNode;

/**
 * Outcomes belong to one episode of care: the change from its first score, the NHS Talking
 * Therapies paired outcome (checked against a hand-computed fixture) and the not-on-track flag.
 */
@TrackwellTest
class EpisodeOutcomesIT {

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    TherapyRecords records;

    @BeforeEach
    void service() {
        Api api = Api.newTenant(new Https(port), tenants, accounts, "episodes");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Talking Therapies North");
        String practitioner =
                api.signIn(api.newUserInTeam(admin, "Pat Practitioner", team, "PRACTITIONER"), Api.GOOD_PASSWORD);
        records = new TherapyRecords(api, team, practitioner, clock);
    }

    @Test
    void changeIsMeasuredFromTheFirstScoreOfTheCurrentEpisode() {
        String code = records.client();
        String earlier = records.openEpisode(code, 120);
        records.score(code, records.attendedSession(code, 110), "PHQ-9", 20);
        records.closeEpisode(code, earlier, 100);
        records.openEpisode(code, 60);
        records.score(code, records.attendedSession(code, 50), "PHQ-9", 14);
        records.score(code, records.attendedSession(code, 10), "PHQ-9", 13);

        JsonNode line = records.caseload().get(code);
        assertThat(line.get("latest").asDouble()).isEqualTo(13.0);
        assertThat(line.get("light").asString())
                .as("14 to 13 in this episode, not 20 to 13 across two")
                .isEqualTo("AMBER");
        assertThat(line.get("percentImprovement").asDouble()).isEqualTo(7.1);

        JsonNode episodes = records.progress(code).get("episodes");
        assertThat(episodes).hasSize(2);
        JsonNode current = episodes.get(0).get("measures").get(0);
        assertThat(current.get("points")).hasSize(2);
        assertThat(current.get("change").get("first").asDouble()).isEqualTo(14.0);
        assertThat(current.get("change").get("reliableImprovement").asBoolean()).isFalse();
        JsonNode closed = episodes.get(1);
        assertThat(closed.get("open").asBoolean()).isFalse();
        assertThat(closed.get("measures").get(0).get("points")).hasSize(1);

        assertThat(records.page("/clients/" + code + "/outcomes"))
                .contains("This episode: referred on", "Earlier episode: referred on")
                .doesNotContain(episodes.get(1).get("episodeId").asString());
    }

    @Test
    void talkingTherapiesOutcomesMatchTheHandComputedFixture() {
        List<TalkingTherapiesFixture> fixture = TalkingTherapiesFixture.episodes();
        assertThat(fixture).hasSizeGreaterThanOrEqualTo(50);
        Map<String, TalkingTherapiesFixture> byCode = new LinkedHashMap<>();
        for (TalkingTherapiesFixture episode : fixture) {
            byCode.put(record(episode), episode);
        }
        Map<String, JsonNode> caseload = records.caseload();
        List<String> mismatches = new ArrayList<>();
        byCode.forEach((code, expected) -> {
            JsonNode episodes = records.progress(code).get("episodes");
            compare(expected, "progress", episodes.get(0).get("talkingTherapies"), mismatches);
            compare(expected, "caseload", caseload.get(code).get("talkingTherapies"), mismatches);
        });
        assertThat(mismatches).isEmpty();

        String first = byCode.keySet().iterator().next();
        assertThat(records.page("/clients/" + first + "/outcomes"))
                .contains("NHS Talking Therapies", "Reliable recovery");
        assertThat(records.page("/progress")).contains("Reliable recovery", "Not finished a course of treatment");
    }

    @Test
    void flagsAClientNotOnTrackAfterThreeSessionsAndSaysWhy() {
        String worse = clientScoring(10, 12, 17);
        String twoSessions = clientScoring(10, 17);
        String better = clientScoring(17, 14, 10);
        String steadyAfterAnEarlierEpisode = records.client();
        String earlier = records.openEpisode(steadyAfterAnEarlierEpisode, 120);
        records.score(
                steadyAfterAnEarlierEpisode, records.attendedSession(steadyAfterAnEarlierEpisode, 110), "PHQ-9", 5);
        records.score(
                steadyAfterAnEarlierEpisode, records.attendedSession(steadyAfterAnEarlierEpisode, 105), "PHQ-9", 4);
        records.closeEpisode(steadyAfterAnEarlierEpisode, earlier, 100);
        records.openEpisode(steadyAfterAnEarlierEpisode, 60);
        for (int[] scored : new int[][] {{40, 12}, {30, 12}, {20, 11}}) {
            records.score(
                    steadyAfterAnEarlierEpisode,
                    records.attendedSession(steadyAfterAnEarlierEpisode, scored[0]),
                    "PHQ-9",
                    scored[1]);
        }

        Map<String, JsonNode> caseload = records.caseload();
        JsonNode flag = caseload.get(worse).get("notOnTrack");
        assertThat(flag.get("measure").asString()).isEqualTo("PHQ-9");
        assertThat(flag.get("reason").asString()).contains("PHQ-9", "10", "17", "3 scored sessions");
        assertThat(caseload.get(twoSessions).hasNonNull("notOnTrack"))
                .as("two sessions are too few to judge")
                .isFalse();
        assertThat(caseload.get(better).hasNonNull("notOnTrack")).isFalse();
        assertThat(caseload.get(steadyAfterAnEarlierEpisode).hasNonNull("notOnTrack"))
                .as("12, 12, 11 in this episode; the 4 of the closed one is not its baseline")
                .isFalse();
        assertThat(records.progress(worse)
                        .get("episodes")
                        .get(0)
                        .get("notOnTrack")
                        .get("reason")
                        .asString())
                .isEqualTo(flag.get("reason").asString());

        String page = records.page("/progress");
        assertThat(page).contains("Not on track", flag.get("reason").asString());
        assertThat(records.page("/clients/" + worse + "/outcomes"))
                .contains(flag.get("reason").asString());
    }

    private String clientScoring(int... phq9) {
        String code = records.client();
        records.openEpisode(code, 60);
        for (int i = 0; i < phq9.length; i++) {
            records.score(code, records.attendedSession(code, 40 - 10 * i), "PHQ-9", phq9[i]);
        }
        return code;
    }

    /**
     * The episode as sessions: an assessment with the first scores, a missed treatment session, the
     * attended treatment contacts, and the last scores at the last of them (or at a review when
     * there is none, which is no treatment contact).
     */
    private String record(TalkingTherapiesFixture episode) {
        String code = records.client();
        records.openEpisode(code, 90);
        String assessment = records.session(code, 80, "ASSESSMENT", "ATTENDED");
        records.score(code, assessment, "PHQ-9", episode.phq9First());
        records.score(code, assessment, "GAD-7", episode.gad7First());
        records.session(code, 75, "TREATMENT", "DID_NOT_ATTEND");
        String last = null;
        for (int contact = 0; contact < episode.attendedTreatmentContacts(); contact++) {
            last = records.session(code, 70 - 5 * contact, "TREATMENT", "ATTENDED");
        }
        if (last == null) {
            last = records.session(code, 15, "REVIEW", "ATTENDED");
        }
        if (episode.phq9Last() != null) {
            records.score(code, last, "PHQ-9", episode.phq9Last());
        }
        if (episode.gad7Last() != null) {
            records.score(code, last, "GAD-7", episode.gad7Last());
        }
        return code;
    }

    private static void compare(
            TalkingTherapiesFixture expected, String where, JsonNode outcome, List<String> mismatches) {
        Map<String, Object> want = new LinkedHashMap<>();
        want.put("standing", expected.standing());
        want.put("attendedTreatmentContacts", expected.attendedTreatmentContacts());
        want.put("caseAtStart", expected.caseAtStart());
        want.put("recovery", expected.recovery());
        want.put("reliableImprovement", expected.reliableImprovement());
        want.put("reliableDeterioration", expected.reliableDeterioration());
        want.put("reliableRecovery", expected.reliableRecovery());
        Map<String, Object> got = new LinkedHashMap<>();
        if (outcome != null && outcome.isObject()) {
            got.put("standing", text(outcome.get("standing")));
            got.put(
                    "attendedTreatmentContacts",
                    outcome.get("attendedTreatmentContacts").asInt());
            got.put("caseAtStart", bool(outcome.get("caseAtStart")));
            got.put("recovery", text(outcome.get("recovery")));
            got.put("reliableImprovement", bool(outcome.get("reliableImprovement")));
            got.put("reliableDeterioration", bool(outcome.get("reliableDeterioration")));
            got.put("reliableRecovery", text(outcome.get("reliableRecovery")));
        }
        if (!want.equals(got)) {
            mismatches.add(expected + " in the " + where + ": expected " + want + " but was " + got);
        }
    }

    private static Object text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static Object bool(JsonNode node) {
        return node == null || node.isNull() ? null : node.asBoolean();
    }
}
