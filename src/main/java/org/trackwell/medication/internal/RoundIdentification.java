package org.trackwell.medication.internal;

/** What the medication round can show beside a client's code to tell the carer who they are with. */
public enum RoundIdentification {
    PREFERRED_NAME("preferred name"),
    ROOM("room or location"),
    PHOTO("photo");

    private final String words;

    RoundIdentification(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
