package org.trackwell.erasure.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.keys.EncryptedText;

/** A request to erase one client's record, as stored: who asked, who approved, and what became of it. */
public record ErasureRequest(
        UUID id,
        int number,
        UUID clientId,
        PseudonymCode client,
        EncryptedText reason,
        UUID requestedBy,
        Instant requestedAt,
        @Nullable UUID approvedBy,
        @Nullable Instant approvedAt,
        @Nullable Instant eraseAfter,
        @Nullable UUID cancelledBy,
        @Nullable Instant cancelledAt,
        @Nullable Instant erasedAt) {

    public enum Stage {
        AWAITING_APPROVAL,
        IN_GRACE,
        ERASED,
        CANCELLED
    }

    public Stage stage() {
        if (erasedAt != null) {
            return Stage.ERASED;
        }
        if (cancelledAt != null) {
            return Stage.CANCELLED;
        }
        return approvedAt == null ? Stage.AWAITING_APPROVAL : Stage.IN_GRACE;
    }

    public boolean open() {
        return stage() == Stage.AWAITING_APPROVAL || stage() == Stage.IN_GRACE;
    }

    public String auditTarget() {
        return "client:" + client;
    }
}
