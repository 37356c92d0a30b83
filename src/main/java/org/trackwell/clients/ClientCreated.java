package org.trackwell.clients;

import java.time.Instant;
import java.util.UUID;
import org.trackwell.shared.TenantId;

/** A client was added to a team; published in the transaction that adds them. Pseudonymous only. */
public record ClientCreated(TenantId tenant, UUID client, PseudonymCode code, UUID team, Instant createdAt) {}
