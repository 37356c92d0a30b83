/** The tamper-evident audit trail: append-only events, per-tenant hash chains, signed checkpoints. */
@NullMarked
package org.trackwell.audit;

import org.jspecify.annotations.NullMarked;
