package org.trackwell.clients.internal;

import java.time.LocalDate;

/** What a client agreed (or refused) to, and when; the latest record per purpose counts. */
public record Consent(Purpose purpose, boolean given, LocalDate on) {

    public enum Purpose {
        RESEARCH_USE_OF_ANONYMISED_DATA("Research use of anonymised data"),
        CONTACT_BY_EMAIL_FOR_MEASURES("Contact by e-mail for questionnaires"),
        CONTACT_BY_TEXT_MESSAGE("Contact by text message"),
        SHARING_WITH_GP("Sharing with their GP");

        private final String label;

        Purpose(String label) {
            this.label = label;
        }

        /** In the users' words, for pages. */
        public String label() {
            return label;
        }
    }
}
