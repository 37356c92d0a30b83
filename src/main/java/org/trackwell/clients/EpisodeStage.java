package org.trackwell.clients;

/** Where an episode of care is, in the order it usually goes. */
public enum EpisodeStage {
    REFERRAL("Referral"),
    SCREENING("Screening"),
    ASSESSMENT("Assessment"),
    TREATMENT("Treatment"),
    COMPLETION("Completion");

    private final String label;

    EpisodeStage(String label) {
        this.label = label;
    }

    /** In the users' words, for pages. */
    public String label() {
        return label;
    }
}
