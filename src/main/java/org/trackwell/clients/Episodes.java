package org.trackwell.clients;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trackwell.clients.internal.EpisodeCare;

/**
 * A client's episodes of care, for reading. A client has at most one open episode. The clients
 * module's own pages change them ({@code internal.EpisodeCare}).
 */
@Service
public class Episodes {

    private final EpisodeCare care;

    Episodes(EpisodeCare care) {
        this.care = care;
    }

    /** The client's open episode, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Episode> openEpisode(ClientRef client) {
        return care.ofClient(client).stream().filter(Episode::open).findFirst();
    }

    /** The client's episodes, the open one first, then the newest first. */
    @Transactional(readOnly = true)
    public List<Episode> ofClient(ClientRef client) {
        return care.ofClient(client);
    }
}
