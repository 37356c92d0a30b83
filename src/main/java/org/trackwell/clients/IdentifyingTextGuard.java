package org.trackwell.clients;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.IdentifyingText.Finding;

/**
 * The warning on save: text that looks identifying is saved only when the user says they meant
 * it, and then the audit trail records that they did (the kinds found, never the text).
 */
@Component
public class IdentifyingTextGuard {

    private final IdentifyingText detector;
    private final AuditTrail trail;

    IdentifyingTextGuard(IdentifyingText detector, AuditTrail trail) {
        this.detector = detector;
        this.trail = trail;
    }

    public void check(@Nullable String text, boolean acknowledged, String target) {
        if (text == null || text.isBlank()) {
            return;
        }
        List<Finding> findings = detector.findIn(text);
        if (findings.isEmpty()) {
            return;
        }
        if (!acknowledged) {
            throw new LooksIdentifying(findings);
        }
        trail.record(AuditAction.PII_WARNING_OVERRIDDEN, target, Outcome.SUCCESS);
    }

    /** Fields saved together: one warning naming all that was found, and one acknowledgement. */
    public void check(Collection<? extends @Nullable String> texts, boolean acknowledged, String target) {
        check(texts.stream().filter(Objects::nonNull).collect(Collectors.joining("\n\n")), acknowledged, target);
    }
}
