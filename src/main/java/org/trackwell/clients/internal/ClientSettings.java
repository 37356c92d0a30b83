package org.trackwell.clients.internal;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a tenant records about its clients. By default: no identifying details at all, every
 * demographic shown, and no cap on open cases.
 */
public record ClientSettings(
        Set<Identifier> identifiers,
        Set<Demographic> demographics,
        @Nullable Integer openCaseCap) {

    public ClientSettings {
        identifiers = Set.copyOf(identifiers);
        demographics = Set.copyOf(demographics);
    }

    public static ClientSettings defaults() {
        return new ClientSettings(Set.of(), EnumSet.allOf(Demographic.class), null);
    }

    public boolean records(Identifier identifier) {
        return identifiers.contains(identifier);
    }
}
