package org.trackwell.setup.internal;

import java.util.EnumSet;
import java.util.Set;
import org.trackwell.identity.Role;

/**
 * The kinds of service the survey knows, each with what the survey suggests for it; docs/setup.md
 * says why. Every kind suggests a second factor for every role, since every role reads records
 * about clients.
 */
public enum ServiceKind {
    TALKING_THERAPY("Talking therapy", 20, Set.of(), true, false),
    SUBSTANCE_MISUSE("Substance misuse", 15, Set.of(), true, true),
    RESIDENTIAL_CARE("Residential care", 15, Set.of("NAME", "DATE_OF_BIRTH", "NHS_NUMBER"), false, true),
    HOME_CARE("Home care", 15, Set.of("NAME", "DATE_OF_BIRTH", "ADDRESS", "PHONE"), false, true),
    MIXED("Mixed", 15, Set.of("NAME", "DATE_OF_BIRTH"), true, true);

    private final String words;
    private final int idleMinutes;
    private final Set<String> identifiers;
    private final boolean outcomes;
    private final boolean medication;

    ServiceKind(String words, int idleMinutes, Set<String> identifiers, boolean outcomes, boolean medication) {
        this.words = words;
        this.idleMinutes = idleMinutes;
        this.identifiers = identifiers;
        this.outcomes = outcomes;
        this.medication = medication;
    }

    public String words() {
        return words;
    }

    public int suggestedIdleMinutes() {
        return idleMinutes;
    }

    public Set<Role> suggestedSecondFactorRoles() {
        return EnumSet.allOf(Role.class);
    }

    public Set<String> suggestedIdentifiers() {
        return identifiers;
    }

    public boolean suggestsOutcomes() {
        return outcomes;
    }

    public boolean suggestsMedication() {
        return medication;
    }
}
