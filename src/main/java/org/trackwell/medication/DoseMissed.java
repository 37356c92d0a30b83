package org.trackwell.medication;

import java.time.Instant;
import java.util.UUID;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.shared.TenantId;

/** A regular dose was not recorded in time; published in the transaction of the watch that noticed. */
public record DoseMissed(
        TenantId tenant, UUID client, PseudonymCode code, UUID prescription, Instant dueAt, Instant noticedAt) {}
