package org.trackwell.clients;

import java.time.LocalDate;

/** What a client agreed (or refused) to, and when; the latest record per purpose counts. */
public record Consent(Purpose purpose, boolean given, LocalDate on) {

    public enum Purpose {
        RESEARCH_USE_OF_ANONYMISED_DATA,
        CONTACT_BY_EMAIL_FOR_MEASURES,
        CONTACT_BY_TEXT_MESSAGE,
        SHARING_WITH_GP
    }
}
