package org.trackwell.setup.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.trackwell.shared.UserId;

/** Who last saved the survey's answers and when, and who last applied them (nobody yet: null). */
public record SurveyState(
        UserId savedBy,
        Instant savedAt,
        @Nullable UserId appliedBy,
        @Nullable Instant appliedAt) {}
