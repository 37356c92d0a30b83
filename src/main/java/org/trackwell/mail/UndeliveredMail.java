package org.trackwell.mail;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An e-mail the SMTP server has not taken yet, as the admins' page shows it: tried again at
 * {@code nextTryAt}, or given up at {@code gaveUpAt} after its last try.
 */
public record UndeliveredMail(
        UUID id,
        String recipient,
        String subject,
        int tries,
        String lastOutcome,
        Instant firstTriedAt,
        @Nullable Instant nextTryAt,
        @Nullable Instant gaveUpAt) {

    public boolean givenUp() {
        return gaveUpAt != null;
    }
}
