package org.trackwell.medication.internal;

/** Why a dose was not given, with the letter the MAR chart shows and the words that explain it. */
public enum NotGivenReason {
    REFUSED("R", "refused"),
    NAUSEA_OR_VOMITING("N", "nausea or vomiting"),
    IN_HOSPITAL("H", "in hospital"),
    ON_LEAVE("L", "on leave"),
    NOT_AVAILABLE("U", "not available"),
    ASLEEP("S", "asleep"),
    WITHHELD_ON_ADVICE("W", "withheld on advice"),
    SELF_ADMINISTERED("A", "self-administered"),
    OTHER("O", "other reason, in the note");

    private final String code;
    private final String words;

    NotGivenReason(String code, String words) {
        this.code = code;
        this.words = words;
    }

    public String code() {
        return code;
    }

    /** The reason in words, as a legend or a printed record says it. */
    public String words() {
        return words;
    }
}
