package org.trackwell.clients;

import java.util.List;
import org.trackwell.clients.internal.IdentifyingText;
import org.trackwell.clients.internal.IdentifyingText.Finding;
import org.trackwell.shared.Refusal;

/**
 * Text that looks identifying was about to be saved without the user saying they meant it. Not a
 * block: saving again with the acknowledgement goes through, and is recorded.
 */
public final class LooksIdentifying extends Refusal {

    private final List<Finding> findings;

    LooksIdentifying(List<Finding> findings) {
        super(IdentifyingText.warning(findings)
                + " To save it anyway, send it again with \"acknowledgeIdentifying\": true.");
        this.findings = List.copyOf(findings);
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String title() {
        return "Looks identifying";
    }

    @Override
    public List<String> details() {
        return findings.stream()
                .map(finding -> finding.kind().name())
                .distinct()
                .toList();
    }

    @Override
    public boolean canBeAcknowledged() {
        return true;
    }
}
