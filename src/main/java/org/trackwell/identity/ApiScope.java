package org.trackwell.identity;

import java.util.Arrays;
import java.util.Optional;

/** What a service account may do through the API, each named by the code integrators write. */
public enum ApiScope {
    CLIENTS_READ("clients:read", "read the clients of its teams and their episodes"),
    OUTCOMES_READ("outcomes:read", "read sessions, measures, scores, goals and progress"),
    OUTCOMES_WRITE("outcomes:write", "record sessions, attendance, measures and goal ratings"),
    DOSES_READ("doses:read", "read prescriptions, doses, the MAR chart and the medication round"),
    DOSES_WRITE("doses:write", "record doses given, refused or missed, and their corrections"),
    REPORTS_READ("reports:read", "read the service's reports");

    private final String code;
    private final String meaning;

    ApiScope(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<ApiScope> ofCode(String code) {
        return Arrays.stream(values()).filter(scope -> scope.code.equals(code)).findFirst();
    }
}
