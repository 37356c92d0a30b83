package org.trackwell.medication.internal;

import org.jspecify.annotations.Nullable;
import org.trackwell.clients.ClientIdentity;
import org.trackwell.clients.PseudonymCode;

/**
 * A client as the round shows them, so that the carer can check they are with the right person:
 * the code, and of the preferred name, room and photo what the service has chosen to show and has
 * on file.
 */
public record RoundPerson(
        PseudonymCode code,
        @Nullable String preferredName,
        @Nullable String room,
        boolean photo) {

    static RoundPerson of(PseudonymCode code, ClientIdentity identity, MedicationSettings settings) {
        return new RoundPerson(
                code,
                settings.shows(RoundIdentification.PREFERRED_NAME) ? identity.preferredName() : null,
                settings.shows(RoundIdentification.ROOM) ? identity.room() : null,
                settings.shows(RoundIdentification.PHOTO) && identity.photo());
    }

    /** Whether the round has anything beyond the code to check the person by. */
    public boolean identified() {
        return preferredName != null || room != null || photo;
    }

    /** "Ann — Room 12", "Ann", "Room 12", or nothing when neither is shown. */
    public String label() {
        if (preferredName != null && room != null) {
            return preferredName + " — " + room;
        }
        return preferredName != null ? preferredName : room != null ? room : "";
    }

    /** What the carer confirms before recording: "I have checked this is Ann (Room 12)". */
    public String confirmation() {
        String who = preferredName != null
                ? preferredName + (room != null ? " (" + room + ")" : "")
                : room != null ? "the person in " + room : photo ? "the person in the photo" : code.toString();
        return "I have checked this is " + who;
    }

    @Override
    public String toString() {
        return "RoundPerson[code=" + code + "]";
    }
}
