package org.trackwell.clients.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * Something the client's practitioners and managers must see on the client's page until one of
 * them clears it, such as a risk answer on a questionnaire or a missed dose.
 *
 * @param source the module that raised it, such as {@code outcomes}
 */
public record ClientFlag(UUID id, String source, String message, Instant raisedAt) {}
