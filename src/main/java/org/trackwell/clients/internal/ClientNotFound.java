package org.trackwell.clients.internal;

import org.trackwell.shared.Refusal;

/**
 * No such client within the user's reach. A client that exists but is out of reach gets the same
 * answer, so a code's existence is never revealed.
 */
public final class ClientNotFound extends Refusal {

    public ClientNotFound() {
        super("There is no client with that code that you can see.");
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Client not found";
    }
}
