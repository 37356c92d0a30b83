package org.trackwell.outcomes.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A kind of session, named as the tenant likes, with the measures planned at each one.
 *
 * @param treatment whether an attended session of this kind is a treatment contact, which NHS
 *     Talking Therapies counts to tell whether a course of treatment was finished
 */
public record SessionType(String code, String name, List<String> measures, boolean treatment) {

    public SessionType {
        measures = List.copyOf(measures);
    }

    /**
     * The usual kinds, with PHQ-9, GAD-7 and feedback at every session and WSAS at assessment and
     * completion; treatment sessions and the completion session are treatment contacts.
     */
    public static List<SessionType> defaults() {
        List<String> every = List.of("PHQ-9", "GAD-7", "SESSION-FEEDBACK");
        List<String> withWsas = List.of("PHQ-9", "GAD-7", "WSAS", "SESSION-FEEDBACK");
        return List.of(
                new SessionType("SCREENING", "Screening", List.of("PHQ-9", "GAD-7"), false),
                new SessionType("ASSESSMENT", "Assessment", withWsas, false),
                new SessionType("TREATMENT", "Treatment session", every, true),
                new SessionType("COMPLETION", "Completion", withWsas, true),
                new SessionType("FOLLOW_UP", "Follow-up", every, false),
                new SessionType("REVIEW", "Review", every, false));
    }

    /**
     * The session types as the audit trail records a change of them: which types there are (by
     * code), and each type's measures and whether it counts as a treatment contact. Names are
     * left out: they are the admin's own words, and the code names the type.
     */
    public static Map<String, String> asSettings(List<SessionType> types) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("types", types.stream().map(SessionType::code).collect(Collectors.joining(",")));
        for (SessionType type : types) {
            settings.put(type.code() + ".measures", String.join(",", type.measures()));
            settings.put(type.code() + ".treatment", String.valueOf(type.treatment()));
        }
        return settings;
    }
}
