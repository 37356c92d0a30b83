package org.trackwell.clients.internal;

import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.shared.UserId;

/**
 * The client row a request's reach check found, kept on that request only, so that reading the
 * record right after does not find the same row again by its code. It is handed on once, and only
 * to the same user asking for the same client: the reach it was found in is the record's own.
 */
public final class ReachedRow {

    private static final String ATTRIBUTE = ReachedRow.class.getName();

    private record Kept(UserId user, StoredClient client) {}

    private ReachedRow() {}

    /** Keeps the row for the rest of the request; outside a web request, nothing is kept. */
    public static void keep(UserId user, StoredClient client) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, new Kept(user, client), RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The row the request's reach check found for this user and client, once. */
    static Optional<StoredClient> take(UserId user, PseudonymCode code) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null
                || !(request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Kept kept)) {
            return Optional.empty();
        }
        request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return kept.user().equals(user) && kept.client().code().equals(code)
                ? Optional.of(kept.client())
                : Optional.empty();
    }
}
