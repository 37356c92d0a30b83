package org.trackwell.clients;

/** Where an episode of care is, in the order it usually goes. */
public enum EpisodeStage {
    REFERRAL,
    SCREENING,
    ASSESSMENT,
    TREATMENT,
    COMPLETION
}
