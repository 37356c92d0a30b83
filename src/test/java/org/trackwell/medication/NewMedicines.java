package org.trackwell.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.trackwell.support.Api;

/** Medicines added to a service's list over the API, as its manager adds them. */
public final class NewMedicines {

    private NewMedicines() {}

    /** A 5 mg tablet taken by mouth; a controlled drug of that schedule when one is given. */
    public static String add(Api api, String manager, String name, @Nullable Integer controlledSchedule) {
        Map<String, Object> body =
                new HashMap<>(Map.of("name", name, "form", "tablet", "strength", "5 mg", "route", "oral"));
        if (controlledSchedule != null) {
            body.put("controlled", true);
            body.put("cdSchedule", controlledSchedule);
        }
        HttpResponse<String> added = api.post("/api/v1/medicines", Api.json(body), manager);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return Api.read(added).get("id").asString();
    }
}
