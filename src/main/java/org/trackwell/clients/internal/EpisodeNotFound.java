package org.trackwell.clients.internal;

import org.trackwell.shared.Refusal;

public final class EpisodeNotFound extends Refusal {

    public EpisodeNotFound() {
        super("This client has no such episode.");
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Episode not found";
    }
}
