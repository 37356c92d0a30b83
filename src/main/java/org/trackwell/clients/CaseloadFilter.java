package org.trackwell.clients;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a caseload may be narrowed to.
 *
 * @param episodeStatus {@code OPEN}, {@code CLOSED} or {@code NONE}
 */
public record CaseloadFilter(
        @Nullable UUID team,
        @Nullable UUID practitioner,
        @Nullable String episodeStatus) {}
