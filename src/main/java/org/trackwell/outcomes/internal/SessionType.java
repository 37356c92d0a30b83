package org.trackwell.outcomes.internal;

import java.util.List;

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
}
