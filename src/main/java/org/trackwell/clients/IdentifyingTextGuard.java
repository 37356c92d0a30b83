package org.trackwell.clients;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trackwell.audit.AuditAction;
import org.trackwell.audit.AuditTrail;
import org.trackwell.audit.Outcome;
import org.trackwell.clients.internal.IdentifyingText;
import org.trackwell.clients.internal.IdentifyingText.Finding;

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
        warn(findings(text), acknowledged, target);
    }

    /**
     * Fields saved together where one is meant to hold some kinds of identifying detail (a preferred
     * name is a name by design): those kinds in it do not warn, anything else in it or in the others
     * does, with one warning and one acknowledgement.
     */
    public void check(
            @Nullable String meantText,
            Set<IdentifyingText.Kind> meant,
            @Nullable String others,
            boolean acknowledged,
            String target) {
        List<Finding> findings = new ArrayList<>();
        findings(meantText).stream().filter(f -> !meant.contains(f.kind())).forEach(findings::add);
        findings.addAll(findings(others));
        warn(findings, acknowledged, target);
    }

    private List<Finding> findings(@Nullable String text) {
        return text == null || text.isBlank() ? List.of() : detector.findIn(text);
    }

    private void warn(List<Finding> findings, boolean acknowledged, String target) {
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
