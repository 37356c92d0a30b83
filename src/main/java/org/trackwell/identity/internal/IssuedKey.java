package org.trackwell.identity.internal;

import java.util.UUID;

/** A new key, shown to the admin once: only its keyed hash is kept. */
public record IssuedKey(UUID client, String key) {

    @Override
    public String toString() {
        return "IssuedKey[client=" + client + ", key=***]";
    }
}
