package org.trackwell.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trackwell.identity.Accounts;
import org.trackwell.support.Api;
import org.trackwell.support.Https;
import org.trackwell.support.PageSession;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenants;

/**
 * The outcomes forms' "save it anyway", posted as a browser without script posts them: a tick sent
 * without the warning's token, or with the token of other words, saves nothing and warns again;
 * the tick sent back with the token of exactly the words warned about saves them.
 */
@TrackwellTest
class SaveAnywayIT {

    private static final Pattern TOKEN = Pattern.compile("name=\"confirmation\" value=\"([^\"]+)\"");
    private static final Pattern SESSION_TYPE = Pattern.compile("name=\"type\"><option value=\"([^\"]+)\"");
    private static final String IDENTIFYING = "Ring Mary Brown on 07700 900123 about the next session";

    @LocalServerPort
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    Accounts accounts;

    Api api;
    String manager;
    String code;
    String outcomes;
    PageSession page;

    @BeforeEach
    void aManagersClient() {
        api = Api.newTenant(new Https(port), tenants, accounts, "anyway");
        String admin = api.signInAsAdmin();
        String team = api.newTeam(admin, "Rowan Team");
        String email = api.newUserInTeam(admin, "Mo Manager", team, "MANAGER");
        manager = api.signIn(email, Api.GOOD_PASSWORD);
        code = Api.read(api.post("/api/v1/clients", Api.json(Map.of("teamId", team)), manager))
                .get("code")
                .asString();
        outcomes = "/clients/" + code + "/outcomes";
        page = PageSession.signedIn(api, email, Api.GOOD_PASSWORD);
    }

    @Test
    void aGoalIsSavedAnywayOnlyWithTheTokenOfTheWordsWarnedAbout() {
        String path = "/clients/" + code + "/goals";
        page.submitFrom(outcomes, path, "kind", "GOAL", "wording", IDENTIFYING, "acknowledgeIdentifying", "true");
        String warned = page.get(outcomes).body();
        assertThat(goals())
                .as("a tick without having been warned is no acknowledgement")
                .isZero();
        assertThat(warned).contains("Save it anyway").contains("value=\"" + IDENTIFYING + "\"");
        String token = token(warned);

        page.submitFrom(
                outcomes,
                path,
                "kind",
                "GOAL",
                "wording",
                IDENTIFYING + " and Tom Green",
                "acknowledgeIdentifying",
                "true",
                "confirmation",
                token);
        assertThat(goals()).as("the token of other words").isZero();

        page.submitFrom(outcomes, path, "kind", "GOAL", "wording", IDENTIFYING, "confirmation", token);
        assertThat(goals()).as("the token without the tick").isZero();

        HttpResponse<String> saved = page.submitFrom(
                outcomes,
                path,
                "kind",
                "GOAL",
                "wording",
                IDENTIFYING,
                "acknowledgeIdentifying",
                "true",
                "confirmation",
                token);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(goals()).isEqualTo(1);
        assertThat(api.auditActions()).contains("pii-warning.overridden");
    }

    @Test
    void sessionNotesAreSavedAnywayOnlyAfterTheWarningAndAreShownAgainMeanwhile() {
        api.post("/api/v1/clients/" + code + "/episodes", Api.json(Map.of("referredOn", "2026-11-01")), manager);
        Matcher type = SESSION_TYPE.matcher(page.get(outcomes).body());
        assertThat(type.find()).isTrue();
        String[] form = {
            "startsAt", "2026-11-30T10:00", "type", type.group(1), "mode", "FACE_TO_FACE", "notes", IDENTIFYING
        };
        String path = "/clients/" + code + "/outcomes/sessions";
        page.submitFrom(outcomes, path, with(form, "acknowledgeIdentifying", "true", "confirmation", "1.forged"));
        String warned = page.get(outcomes).body();
        assertThat(sessions()).isZero();
        assertThat(warned).contains("Save it anyway").contains(IDENTIFYING + "</textarea>");

        page.submitFrom(outcomes, path, with(form, "acknowledgeIdentifying", "true", "confirmation", token(warned)));
        assertThat(sessions()).isEqualTo(1);
    }

    private static String token(String page) {
        Matcher token = TOKEN.matcher(page);
        assertThat(token.find()).as("the warned form carries its token").isTrue();
        return token.group(1);
    }

    private static String[] with(String[] form, String... more) {
        String[] all = java.util.Arrays.copyOf(form, form.length + more.length);
        System.arraycopy(more, 0, all, form.length, more.length);
        return all;
    }

    private int goals() {
        return Api.read(api.get("/api/v1/clients/" + code + "/goals", manager)).size();
    }

    private int sessions() {
        return Api.read(api.get("/api/v1/clients/" + code + "/sessions", manager))
                .size();
    }
}
