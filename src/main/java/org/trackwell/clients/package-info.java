/**
 * Client records, pseudonym codes, optional encrypted identifiers, allocation, episodes of care,
 * consent, PII warnings. This package is what other modules use: finding a client within reach
 * ({@link org.trackwell.clients.Clients}, {@link org.trackwell.clients.ReachedClient}), reading
 * episodes, the round's right-person check, the identifying-text guard and the {@code
 * ConcernRaised} event. The rest is the module's own, in {@code internal} and {@code web}.
 */
@NullMarked
package org.trackwell.clients;

import org.jspecify.annotations.NullMarked;
