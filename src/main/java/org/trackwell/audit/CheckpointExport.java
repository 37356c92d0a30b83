package org.trackwell.audit;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.trackwell.shared.DataDirectory;

/**
 * Where signed checkpoints are exported outside the database: {@code TRACKWELL_AUDIT_CHECKPOINT_DIR},
 * by default {@code audit-checkpoints} under the data directory. Against these files a chain
 * rewritten whole inside the database is found.
 */
@Component
public class CheckpointExport {

    private final Path directory;

    CheckpointExport(DataDirectory data, @Value("${trackwell.audit.checkpoint-dir:}") String configured) {
        this.directory = configured.isBlank() ? data.root().resolve("audit-checkpoints") : Path.of(configured);
    }

    public Path directory() {
        return directory;
    }
}
