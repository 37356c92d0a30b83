package org.trackwell.outcomes;

import java.util.List;

/** A kind of session, named as the tenant likes, with the measures planned at each one. */
public record SessionType(String code, String name, List<String> measures) {

    public SessionType {
        measures = List.copyOf(measures);
    }

    /** The usual kinds, with PHQ-9, GAD-7 and feedback at every session and WSAS at assessment and completion. */
    public static List<SessionType> defaults() {
        List<String> every = List.of("PHQ-9", "GAD-7", "SESSION-FEEDBACK");
        List<String> withWsas = List.of("PHQ-9", "GAD-7", "WSAS", "SESSION-FEEDBACK");
        return List.of(
                new SessionType("SCREENING", "Screening", List.of("PHQ-9", "GAD-7")),
                new SessionType("ASSESSMENT", "Assessment", withWsas),
                new SessionType("TREATMENT", "Treatment session", every),
                new SessionType("COMPLETION", "Completion", withWsas),
                new SessionType("FOLLOW_UP", "Follow-up", every),
                new SessionType("REVIEW", "Review", every));
    }
}
