package org.trackwell.clients.internal;

import java.util.List;
import org.trackwell.clients.PseudonymCode;

/**
 * A manager's teams at a glance.
 *
 * @param unallocated the clients with no practitioner, longest waiting first (at most 50)
 */
public record TeamFigures(int clients, int openEpisodes, List<PseudonymCode> unallocated) {

    public TeamFigures {
        unallocated = List.copyOf(unallocated);
    }
}
