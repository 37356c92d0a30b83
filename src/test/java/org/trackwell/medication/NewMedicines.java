package org.trackwell.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.trackwell.support.Api;

/** Medicines added to a service's list, and prescribed, over the API as its manager does. */
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

    /**
     * An as-needed prescription for pain, from the day before {@code today}: one or two tablets,
     * at most four times a day, at least the given minutes apart.
     */
    public static String prescribeAsNeeded(
            Api api, String manager, String client, String medicine, LocalDate today, int minIntervalMinutes) {
        Map<String, Object> body = new HashMap<>();
        body.put("medicineId", medicine);
        body.put("dose", "1");
        body.put("unit", "tablets");
        body.put("startsOn", today.minusDays(1).toString());
        body.put("prescriber", "Dr A Example");
        body.put("kind", "PRN");
        body.put(
                "prn",
                Map.of(
                        "indication", "Pain",
                        "minDose", "1",
                        "maxDose", "2",
                        "minIntervalMinutes", minIntervalMinutes,
                        "maxDosesPerDay", 4));
        HttpResponse<String> created =
                api.post("/api/v1/clients/" + client + "/prescriptions", Api.json(body), manager);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.read(created).get("id").asString();
    }
}
