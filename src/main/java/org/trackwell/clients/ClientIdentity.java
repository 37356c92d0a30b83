package org.trackwell.clients;

import org.jspecify.annotations.Nullable;

/**
 * What a carer checks on a medication round that they are with the right person: the name the
 * client likes to be called, their room or location, and whether a photo is on file.
 */
public record ClientIdentity(
        @Nullable String preferredName, @Nullable String room, boolean photo) {

    public static final ClientIdentity NONE = new ClientIdentity(null, null, false);

    @Override
    public String toString() {
        return "ClientIdentity[***]";
    }
}
