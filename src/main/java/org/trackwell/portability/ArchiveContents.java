package org.trackwell.portability;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** What a tenant archive holds: how many lines each of its files has, by file name. */
public record ArchiveContents(Instant createdAt, Map<String, Long> lines) {

    public ArchiveContents {
        lines = Map.copyOf(new TreeMap<>(lines));
    }

    /** The counts as the audit entry names them: {@code file=lines} for each file with any. */
    public String counts() {
        StringBuilder counts = new StringBuilder();
        new TreeMap<>(lines).forEach((file, count) -> {
            if (count > 0) {
                counts.append(counts.isEmpty() ? "" : " ")
                        .append(file)
                        .append('=')
                        .append(count);
            }
        });
        return counts.toString();
    }
}
