package org.trackwell.medication;

/** Why a dose was not given, with the letter the MAR chart shows. */
public enum NotGivenReason {
    REFUSED("R"),
    NAUSEA_OR_VOMITING("N"),
    IN_HOSPITAL("H"),
    ON_LEAVE("L"),
    NOT_AVAILABLE("U"),
    ASLEEP("S"),
    WITHHELD_ON_ADVICE("W"),
    SELF_ADMINISTERED("A"),
    OTHER("O");

    private final String code;

    NotGivenReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
