package org.trackwell.tenancy;

/**
 * A part of Trackwell a service may not use, which its tenant admin can switch off. Off hides it
 * (its pages, API, menus, home-page parts and scheduled work); its records stay, and switching it on
 * again shows them all.
 */
public enum OptionalModule {
    OUTCOMES("Outcome measures", "questionnaires, sessions, goals, progress and the outcomes report"),
    MEDICATION(
            "Medication",
            "prescriptions, the medication round and MAR chart, stock, the controlled-drug register"
                    + " and the medication reports");

    private final String words;
    private final String covers;

    OptionalModule(String words, String covers) {
        this.words = words;
        this.covers = covers;
    }

    public String words() {
        return words;
    }

    /** What switching it off hides, in the users' words. */
    public String covers() {
        return covers;
    }
}
