package org.trackwell.clients;

import java.util.UUID;
import org.trackwell.shared.TenantId;

/**
 * Another module noticed something about a client that the people caring for them should see (a
 * missed dose, a risk item answered): the client's page shows it as a flag until it is cleared.
 * The message says what happened without identifying the client.
 */
public record ConcernRaised(TenantId tenant, UUID client, String source, String message) {}
